import { useEffect, useState } from 'react';
import { installKeyDispatcher } from './actions/registry';
import { useRegisterActions } from './actions/useRegisterActions';
import { bridgeAvailable } from './api/bridge';
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

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useRegisterActions(
    appActions({
      toggleTheme: () => void toggleTheme(appStore),
      toggleShortcuts: () => setShortcutsOpen((open) => !open),
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
