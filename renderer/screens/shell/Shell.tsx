import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Notice } from '../../components/Notice';
import { selectScreen, selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { DatasetScreen } from '../dataset/DatasetScreen';
import { DatasetsScreen } from '../datasets/DatasetsScreen';
import { TopBar } from './TopBar';
import './Shell.css';

/** The signed-in frame: top bar, notices about the session, and the current screen. */
export function Shell() {
  const status = useAppStore(selectStatus);
  const screen = useAppStore(selectScreen);

  return (
    <div className="shell" data-testid="shell">
      <TopBar />
      {status?.keyStorage === 'session-only' || status?.state === 'offline' ? (
        <div className="shell__notices">
          {status.keyStorage === 'session-only' ? (
            <Notice tone="warning" title="Your API key is kept for this session only" testId="shell.sessionOnlyNotice">
              No OS keychain is available on this computer, so the key lives in memory and is forgotten when the app
              quits. You will need to enter it again next time.
            </Notice>
          ) : null}
          {status.state === 'offline' ? (
            <Notice tone="info" title="Offline" testId="shell.offlineNotice">
              The server cannot be reached. Cached data stays available; the app reconnects on its own.
            </Notice>
          ) : null}
        </div>
      ) : null}
      <main className="shell__main">
        <ErrorBoundary area={screen.name === 'dataset' ? `dataset ${screen.datasetId}` : 'datasets'}>
          {screen.name === 'dataset' ? <DatasetScreen datasetId={screen.datasetId} /> : <DatasetsScreen />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
