import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatCount } from '../../format/numbers';
import { formatRelativeTime } from '../../format/time';
import { syncNow } from '../../store/actions/syncActions';
import { appStore, useAppStore } from '../../store/useAppStore';

const STATE_WORDS = { queued: 'waiting', sending: 'sending', conflict: 'conflict', failed: 'refused' } as const;
/** The queue list shows this many images; the count says the rest. */
const SHOWN = 30;

/** The indicator's popover: where the edits are, why they wait, and "Sync now". */
export function SyncDetails({
  online,
  onClose,
  onOpenConflicts,
}: {
  online: boolean;
  onClose(): void;
  onOpenConflicts(): void;
}) {
  const sync = useAppStore((state) => state.syncStatus);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  const images = sync?.images ?? [];
  return (
    <div
      className="sync-details"
      role="dialog"
      aria-label="Sync details"
      data-testid="sync.details"
      onKeyDown={onKeyDown}
    >
      <p className="sync-details__line" data-testid="sync.details.connection">
        {online
          ? 'Online: edits are sent as you make them.'
          : 'Offline: edits are kept on this computer and sent when the network returns.'}
      </p>
      <p className="sync-details__line sync-details__muted" data-testid="sync.details.lastSync">
        Last sync: {sync?.lastSyncAt ? formatRelativeTime(sync.lastSyncAt, now) : 'not yet'}
      </p>
      {sync?.paused ? (
        <p className="sync-details__line sync-details__warning" data-testid="sync.details.paused">
          Paused: {sync.paused.message}
        </p>
      ) : null}
      {sync?.lastError ? (
        <p className="sync-details__line sync-details__warning" data-testid="sync.details.error">
          Last problem: {sync.lastError.message}
        </p>
      ) : null}
      {sync?.outboxRecovered ? (
        <p className="sync-details__line sync-details__warning">
          The edit queue was damaged; {formatCount(sync.outboxRecovered.recovered)} edits were recovered. The damaged
          file was kept at {sync.outboxRecovered.setAsidePath}.
        </p>
      ) : null}
      {images.length > 0 ? (
        <ul className="sync-details__queue" aria-label="Edits waiting" data-testid="sync.details.queue">
          {images.slice(0, SHOWN).map((image) => (
            <li
              key={image.imageId}
              data-testid="sync.details.queueItem"
              data-state={image.state}
              title={image.error?.message}
            >
              <code>{image.imageId.slice(0, 8)}</code> · {image.entries} edit{image.entries === 1 ? '' : 's'} ·{' '}
              {STATE_WORDS[image.state]}
            </li>
          ))}
          {images.length > SHOWN ? (
            <li className="sync-details__muted">and {images.length - SHOWN} more images</li>
          ) : null}
        </ul>
      ) : (
        <p className="sync-details__line sync-details__muted">Nothing waiting to be sent.</p>
      )}
      <div className="sync-details__actions">
        {sync && sync.conflicts > 0 ? (
          <button type="button" className="btn btn--small" onClick={onOpenConflicts} data-testid="sync.openConflicts">
            Resolve {sync.conflicts} conflict{sync.conflicts === 1 ? '' : 's'}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={busy || !online}
          title={online ? undefined : 'Waiting for the network'}
          data-testid="sync.syncNow"
          onClick={() => {
            setBusy(true);
            void syncNow(appStore).finally(() => setBusy(false));
          }}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
    </div>
  );
}
