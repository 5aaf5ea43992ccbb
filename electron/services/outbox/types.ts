import type { Annotation } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';

/** What an edit started from: the server's ETag and, when known, its list at that ETag. */
export interface SaveBase {
  etag: string | null;
  /** Null when the list at `etag` was not known here (the merge then treats the base as empty). */
  annotations: Annotation[] | null;
}

interface EntryCommon {
  seq: number;
  profileId: string;
  imageId: string;
  createdMs: number;
  /** queued: waits its turn; failed: the server refused it for good (kept, retried on sync:flush). */
  state: 'queued' | 'failed';
  attempts: number;
  lastError: IpcError | null;
}

export interface SaveEntry extends EntryCommon {
  kind: 'save';
  annotations: Annotation[];
  base: SaveBase;
  /** The user chose "overwrite": sent without If-Match, never merged. */
  force: boolean;
}

export type ReviewAction = 'approve' | 'request_changes';

export interface ReviewEntry extends EntryCommon {
  kind: 'review';
  action: ReviewAction;
  note: string | null;
}

export type OutboxEntry = SaveEntry | ReviewEntry;

/** Saves that could not be merged with the server's list: both versions and the base, until the user decides. */
export interface ConflictRecord {
  id: number;
  /** Where the conflicted saves stood in the queue: the resolution is sent from here. */
  seq: number;
  profileId: string;
  imageId: string;
  createdMs: number;
  base: { etag: string | null; annotations: Annotation[] };
  mine: Annotation[];
  theirs: { etag: string | null; annotations: Annotation[] };
}

/** One image's place in the queue, for sync:status. */
export interface OutboxImageRow {
  profileId: string;
  imageId: string;
  queued: number;
  failed: number;
  conflict: boolean;
  lastError: IpcError | null;
}
