import { useEffect, useState } from 'react';
import { desktopActions } from './actions/desktopActions';
import { startDesktopEvents } from './actions/desktopEvents';
import { installKeyDispatcher } from './actions/registry';
import { useRegisterActions } from './actions/useRegisterActions';
import { bridgeAvailable, callApi } from './api/bridge';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorPanel } from './components/ErrorPanel';
import { AppName, LogoMark } from './components/Logo';
import { Spinner } from './components/Spinner';
import { startCatalogIndexSync } from './store/actions/browseActions';
import { startConnectionSync } from './store/actions/connectionActions';
import { startThemeSync, toggleTheme } from './store/actions/themeActions';
import { selectStatus, selectTheme, selectTopLevelView } from './store/selectors';
import { appStore, useAppStore } from './store/useAppStore';
import { ConnectScreen } from './screens/connect/ConnectScreen';
import { appActions } from './screens/shell/appActions';
import { Shell } from './screens/shell/Shell';
import { ShortcutsOverlay } from './screens/shell/ShortcutsOverlay';
import { Toasts } from './screens/shell/Toasts';

function Splash() {
  const status = useAppStore(selectStatus);
  const name = status?.profile?.name;
  return (
    <div className="splash" data-testid="app.starting">
      <LogoMark size={40} />
      <AppName />
      <span className="splash__status">
        <Spinner size={14} /> {name ? `Connecting to ${name}…` : 'Starting…'}
      </span>
    </div>
  );
}

/** Picks the top-level view from the connection state and keeps the theme on <html>. */
export function App() {
  const view = useAppStore(selectTopLevelView);
  const theme = useAppStore(selectTheme);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => startConnectionSync(appStore), []);
  // The one keydown listener every shortcut goes through (renderer/actions/registry.ts).
  useEffect(() => installKeyDispatcher(window), []);
  useEffect(() => startThemeSync(appStore), []);
  useEffect(() => startCatalogIndexSync(appStore), []);
  // The native menu from the registry, its clicks, and pictograph-review:// links (issue 12).
  useEffect(
    () =>
      startDesktopEvents({
        subscribeStore: appStore.subscribe,
        openImage: ({ datasetId, imageId }) => appStore.getState().imageOpened(datasetId, imageId),
      }),
    [],
  );

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useRegisterActions(
    appActions({
      toggleTheme: () => void toggleTheme(appStore),
      toggleShortcuts: () => setShortcutsOpen((open) => !open),
    }),
  );
  useRegisterActions(
    desktopActions({
      copyDiagnostics: () =>
        void callApi((api) => api.clipboard.copyDiagnostics()).then((result) => {
          if (result.ok)
            appStore.getState().noteShown({ title: 'Diagnostics copied', message: 'Paste them into your report.' });
          else appStore.getState().toastShown('Diagnostics could not be copied', result.error);
        }),
    }),
  );

  if (!bridgeAvailable()) {
    return (
      <div className="splash">
        <ErrorPanel
          testId="app.noBridge"
          error={{
            code: 'internal',
            message: 'This page runs only inside Pictograph Review: the bridge to the app (window.api) is missing.',
          }}
        />
      </div>
    );
  }

  return (
    <ErrorBoundary area={view}>
      {view === 'starting' ? <Splash /> : view === 'connect' ? <ConnectScreen /> : <Shell />}
      <Toasts />
      {shortcutsOpen ? <ShortcutsOverlay onClose={() => setShortcutsOpen(false)} /> : null}
    </ErrorBoundary>
  );
}
