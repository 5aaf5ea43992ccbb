import type { IpcError, SyncImageState, SyncStatus } from '../../../shared/ipc';
import type { Outbox } from '../outbox/outbox';
import type { Session } from '../session/session';

export interface StatusInput {
  outbox: Outbox;
  session: Session;
  sending: ReadonlySet<string>;
  progress: { done: number; total: number } | null;
  lastSyncAt: string | null;
  lastError: IpcError | null;
  rateLimitedUntil: number;
  now: number;
}

/** `sync:status` / `event:sync`: the signed-in profile's queue, and why it is not moving when it is not. */
export function buildStatus(input: StatusInput): SyncStatus {
  const { outbox, session } = input;
  const profileId = session.active?.profile.id ?? session.status.profile?.id ?? null;
  const rows = outbox.images().filter((r) => r.profileId === profileId);
  const images: SyncImageState[] = rows.map((r) => ({
    imageId: r.imageId,
    state: r.conflict ? 'conflict' : r.failed > 0 ? 'failed' : input.sending.has(r.imageId) ? 'sending' : 'queued',
    entries: r.queued + r.failed,
    error: r.lastError,
  }));
  const queued = rows.reduce((n, r) => n + r.queued, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const recovery = outbox.recovery;
  return {
    queued,
    failed,
    conflicts: rows.filter((r) => r.conflict).length,
    images,
    flushing: input.progress,
    lastSyncAt: input.lastSyncAt,
    lastError: input.lastError,
    paused: pausedReason(input, queued + failed),
    outboxRecovered: recovery && { ...recovery },
    outboxUnavailable: outbox.unavailable,
  };
}

function pausedReason(input: StatusInput, waiting: number): SyncStatus['paused'] {
  const { session, outbox } = input;
  const edits = waiting === 1 ? '1 edit waits' : `${waiting} edits wait`;
  if (outbox.unavailable)
    return {
      reason: 'storage',
      message: 'The app data folder cannot be written: saves are refused until it can.',
      until: null,
    };
  if (session.active === null) {
    const rejected = session.status.error?.code === 'invalid_api_key';
    return {
      reason: 'signed-out',
      message: rejected
        ? `The server no longer accepts the API key: sign in again with a valid key. ${edits} on this computer.`
        : `Not signed in. ${edits} on this computer.`,
      until: null,
    };
  }
  if (session.status.state === 'offline')
    return { reason: 'offline', message: `Offline: ${edits} on this computer, sent when back online.`, until: null };
  if (input.rateLimitedUntil > input.now) {
    const until = new Date(input.rateLimitedUntil).toISOString();
    return { reason: 'rate-limited', message: `The API key's quota is used up: sending resumes at ${until}.`, until };
  }
  return null;
}
