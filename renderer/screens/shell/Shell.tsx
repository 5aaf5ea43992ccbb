import { useEffect, useState } from 'react';
import type { ShellScreen } from '../../store/uiSlice';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Notes } from '../../components/Notes';
import { Notice } from '../../components/Notice';
import { startTransferSync } from '../../store/actions/transferSync';
import { startSyncWatch } from '../../store/actions/syncActions';
import { selectScreen, selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { DatasetScreen } from '../dataset/DatasetScreen';
import { DatasetsScreen } from '../datasets/DatasetsScreen';
import { ViewerScreen } from '../viewer/ViewerScreen';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import './Shell.css';

/** The signed-in frame: top bar, notices about the session, and the current screen. */
export function Shell() {
  const status = useAppStore(selectStatus);
  const screen = useAppStore(selectScreen);
  const [sessionNoticeDismissed, setSessionNoticeDismissed] = useState(false);
  const showSessionNotice = status?.keyStorage === 'session-only' && !sessionNoticeDismissed;
  const [readOnlyNoticeDismissed, setReadOnlyNoticeDismissed] = useState(false);
  const showReadOnlyNotice = status?.role === 'viewer' && !readOnlyNoticeDismissed;
  // Exports and uploads report in the background while signed in (progress, "export ready").
  useEffect(() => startTransferSync(appStore), []);
  // The edit queue, conflicts and offline downloads (issue 10) follow main's events.
  useEffect(() => startSyncWatch(appStore), []);

  return (
    <div className="shell" data-testid="shell">
      <TopBar />
      {showSessionNotice || showReadOnlyNotice || status?.state === 'offline' ? (
        <div className="shell__notices">
          {showSessionNotice ? (
            <Notice
              tone="warning"
              inline
              title="API key kept for this session only"
              testId="shell.sessionOnlyNotice"
              onDismiss={() => setSessionNoticeDismissed(true)}
            >
              No OS keychain is available, so the key is forgotten when the app quits.
            </Notice>
          ) : null}
          {showReadOnlyNotice ? (
            <Notice
              tone="info"
              inline
              title="Read-only: this is a viewer key"
              testId="shell.readOnlyNotice"
              onDismiss={() => setReadOnlyNoticeDismissed(true)}
            >
              You can browse images and annotations. Saving annotations and reviewing images need a key with the member
              role or higher.
            </Notice>
          ) : null}
          {status?.state === 'offline' ? (
            <Notice tone="info" inline title="Offline" testId="shell.offlineNotice">
              The server cannot be reached. Cached data stays available; the app reconnects on its own.
            </Notice>
          ) : null}
        </div>
      ) : null}
      <main className="shell__main">
        <ErrorBoundary area={screenArea(screen)}>
          {screen.name === 'image' ? (
            <ViewerScreen datasetId={screen.datasetId} imageId={screen.imageId} />
          ) : screen.name === 'dataset' ? (
            <DatasetScreen datasetId={screen.datasetId} />
          ) : (
            <DatasetsScreen />
          )}
        </ErrorBoundary>
      </main>
      <StatusBar />
      <Notes />
    </div>
  );
}

function screenArea(screen: ShellScreen): string {
  if (screen.name === 'image') return `image ${screen.imageId}`;
  if (screen.name === 'dataset') return `dataset ${screen.datasetId}`;
  return 'datasets';
}
