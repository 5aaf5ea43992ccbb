import { useEffect, useState } from 'react';
import { formatCount } from '../../format/numbers';
import { describeRateLimit } from '../../format/rateLimit';
import { formatClockTime } from '../../format/time';
import { selectActiveIndexing } from '../../store/browseSlice';
import { selectRateLimit, selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { SyncIndicator } from '../sync/SyncIndicator';

const stateWords = {
  connected: 'Online',
  offline: 'Offline: cached data only',
  connecting: 'Reconnecting…',
  'signed-out': 'Signed out',
  error: 'Connection problem',
} as const;

/** The facts that change while working: who, reachable or not, API quota left and when it frees, indexing. */
export function StatusBar() {
  const status = useAppStore(selectStatus);
  const rateLimit = useAppStore(selectRateLimit);
  const indexing = useAppStore(selectActiveIndexing);
  const datasets = useAppStore((state) => state.datasets);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  const quota = rateLimit ? describeRateLimit(rateLimit, now) : null;
  const indexingName = indexing ? (datasets?.find((d) => d.id === indexing.datasetId)?.name ?? 'dataset') : null;
  return (
    <footer className="statusbar" data-testid="shell.statusBar" aria-label="Status">
      {status?.profile ? (
        <span className="statusbar__item" data-testid="status.profile" title={status.profile.baseUrl}>
          {status.profile.name}
          {status.role ? <span className="statusbar__muted"> · {status.role}</span> : null}
        </span>
      ) : null}
      {status ? (
        <span
          className={`statusbar__item statusbar__conn statusbar__conn--${status.state}`}
          data-testid="status.connection"
          data-state={status.state}
        >
          <span className="statusbar__dot" aria-hidden="true" />
          {stateWords[status.state]}
        </span>
      ) : null}
      {status?.profile ? <SyncIndicator /> : null}
      {indexing ? (
        <span className="statusbar__item" data-testid="status.indexing" role="status">
          Indexing {indexingName}: {formatCount(indexing.indexed)}
          {indexing.total === null ? '' : ` of ${formatCount(indexing.total)}`}
        </span>
      ) : null}
      <span className="statusbar__spacer" />
      {quota && rateLimit ? (
        <span
          className={`statusbar__item statusbar__quota statusbar__quota--${quota.level}`}
          data-testid="status.rateLimit"
          title={quota.description}
        >
          API quota {quota.short}
          <span className="statusbar__muted">
            {' '}
            · resets {rateLimit.resetAt > now ? formatClockTime(rateLimit.resetAt) : 'now'}
          </span>
        </span>
      ) : (
        <span className="statusbar__item statusbar__muted" data-testid="status.rateLimit">
          API quota —
        </span>
      )}
      <span className="statusbar__item statusbar__muted">
        Press <kbd>?</kbd> for shortcuts
      </span>
    </footer>
  );
}
