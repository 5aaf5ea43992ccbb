import { useEffect } from 'react';
import { installKeyDispatcher } from './actions/registry';
import { bridgeAvailable } from './api/bridge';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorPanel } from './components/ErrorPanel';
import { AppName, LogoMark } from './components/Logo';
import { Spinner } from './components/Spinner';
import { startConnectionSync } from './store/actions/connectionActions';
import { selectStatus, selectTheme, selectTopLevelView } from './store/selectors';
import { appStore, useAppStore } from './store/useAppStore';
import { ConnectScreen } from './screens/connect/ConnectScreen';
import { Shell } from './screens/shell/Shell';

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
    </ErrorBoundary>
  );
}
