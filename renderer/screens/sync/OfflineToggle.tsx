import { useState } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { offlineAction } from '../../store/actions/syncActions';
import { appStore, useAppStore } from '../../store/useAppStore';
import { describeOffline } from './offlineText';

/**
 * "Available offline" for one dataset (issue 10): a switch, and while downloading the progress,
 * size and pause/resume. Used on the dataset card and in the dataset browser's toolbar.
 */
export function OfflineToggle({ datasetId, compact = false }: { datasetId: string; compact?: boolean }) {
  const status = useAppStore((state) => state.offlineByDataset[datasetId]);
  const [busy, setBusy] = useState(false);
  const on = status !== undefined && status.state !== 'off';
  const run = (verb: Parameters<typeof offlineAction>[1]) => {
    setBusy(true);
    void offlineAction(appStore, verb, datasetId).finally(() => setBusy(false));
  };
  const running = status?.state === 'downloading' || status?.state === 'queued';
  return (
    <span className="offline-toggle" data-testid="offline.toggle" data-state={status?.state ?? 'off'}>
      <label title="Download every image and annotation of this dataset so it works without a network">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={busy}
          onChange={() => run(on ? 'disable' : 'enable')}
          data-testid="offline.toggle.switch"
        />{' '}
        Available offline
      </label>
      {on ? (
        <span
          className={`offline-toggle__progress${status.state === 'failed' ? ' offline-toggle__failed' : ''}`}
          data-testid="offline.toggle.progress"
          title={status.failures.map((f) => `${f.filename}: ${f.message}`).join('\n') || undefined}
        >
          {status.state === 'downloading' && !compact ? (
            <ProgressBar value={status.items.done} max={status.items.total} label="Offline download progress" />
          ) : null}
          {describeOffline(status)}
        </span>
      ) : null}
      {running ? (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          disabled={busy}
          onClick={() => run('pause')}
          data-testid="offline.pause"
        >
          Pause
        </button>
      ) : null}
      {status?.state === 'paused' || status?.state === 'failed' ? (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          disabled={busy}
          onClick={() => run('resume')}
          data-testid="offline.resume"
        >
          {status.state === 'failed' ? 'Retry' : 'Resume'}
        </button>
      ) : null}
    </span>
  );
}
