import { z } from 'zod';
import { MAX_ANNOTATION_ID_LENGTH, MAX_ANNOTATIONS_PER_IMAGE } from '../../annotations/limits';
import type { AnnotationConflict } from '../../annotations/merge';
import type { Annotation } from '../../api';
import { channel, event } from '../define';
import type { IpcError } from '../result';
import { emptyRequest } from '../schemas';

/**
 * Offline and sync (issue 10, docs/offline.md): every save and review goes to a durable outbox
 * first; the sync engine sends it, merges with a colleague's concurrent edit, and keeps what it
 * cannot merge as a conflict for the user to resolve. These channels show that queue and act on it.
 */

/** Why the queue is not being sent right now. */
export type SyncPauseReason = 'signed-out' | 'offline' | 'rate-limited' | 'storage';

export interface SyncImageState {
  imageId: string;
  /**
   * queued: on this computer, waiting; sending: being sent now; conflict: a colleague's edit could
   * not be merged (see sync:conflicts); failed: the server refused it (kept; sync:flush retries).
   */
  state: 'queued' | 'sending' | 'conflict' | 'failed';
  /** Saves and reviews waiting for this image. */
  entries: number;
  error: IpcError | null;
}

export interface OutboxRecoveryInfo {
  at: string;
  reason: string;
  /** The damaged file, renamed and kept. */
  setAsidePath: string;
  recovered: number;
  unreadable: number;
}

export interface SyncStatus {
  /** Entries (saves and reviews) of the signed-in profile waiting to be sent. */
  queued: number;
  /** Entries the server refused; kept until sync:flush retries them. */
  failed: number;
  conflicts: number;
  images: SyncImageState[];
  /** Set while a flush runs: images done of the images it found waiting. */
  flushing: { done: number; total: number } | null;
  /** When the queue last became empty through a send (ISO), null before. */
  lastSyncAt: string | null;
  lastError: IpcError | null;
  paused: { reason: SyncPauseReason; message: string; until: string | null } | null;
  /** This start found outbox.db damaged: set aside, readable entries recovered. Tell the user. */
  outboxRecovered: OutboxRecoveryInfo | null;
  /** The outbox cannot be written (read-only or full data folder): saves are refused. */
  outboxUnavailable: boolean;
}

/** One image's unresolved conflict: the three lists, and each annotation in dispute. */
export interface SyncConflict {
  id: number;
  imageId: string;
  createdAt: string;
  base: { etag: string | null; annotations: Annotation[] };
  mine: Annotation[];
  theirs: { etag: string | null; annotations: Annotation[] };
  annotations: AnnotationConflict[];
}

export interface ResolveResult {
  conflictId: number;
  imageId: string;
  /** The list the decision produced (mine's clean changes merged with theirs, disputes as chosen). */
  annotations: Annotation[];
  /** False when the decision equals what the server holds: nothing to send. */
  queued: boolean;
}

const side = z.enum(['mine', 'theirs']);

export const resolveRequest = z.strictObject({
  conflictId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /**
   * 'mine' / 'theirs' decide every disputed annotation; `choices` decides each one (every disputed
   * id must be named). Undisputed changes from both sides are kept either way.
   */
  choice: z.union([
    side,
    z.strictObject({
      choices: z
        .array(z.strictObject({ annotationId: z.string().min(1).max(MAX_ANNOTATION_ID_LENGTH), take: side }))
        .max(MAX_ANNOTATIONS_PER_IMAGE),
    }),
  ]),
});
export type ResolveRequest = z.input<typeof resolveRequest>;

export const syncChannels = {
  'sync:status': channel<SyncStatus>()(emptyRequest),
  /** Sends the queue now (refused entries get another try) and answers when the flush ends. */
  'sync:flush': channel<SyncStatus>()(emptyRequest),
  'sync:conflicts': channel<SyncConflict[]>()(emptyRequest),
  'sync:resolve': channel<ResolveResult>()(resolveRequest),
};

export const syncEvents = {
  /** The queue changed: entries added or sent, a flush's progress, a pause, a conflict. */
  'event:sync': event<SyncStatus>(),
};
