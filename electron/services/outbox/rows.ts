import type { Annotation } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import type { ConflictRecord, OutboxEntry, ReviewAction } from './types';

/** The rows of outbox.db as SQLite returns them (migrations/001_init.ts), and their typed forms. */
export interface EntryRow {
  seq: number;
  profile_id: string;
  image_id: string;
  kind: string;
  created_ms: number;
  payload: string;
  base_etag: string | null;
  base_json: string | null;
  force: number;
  state: string;
  attempts: number;
  last_error: string | null;
}

export interface ConflictRow {
  id: number;
  seq: number;
  profile_id: string;
  image_id: string;
  created_ms: number;
  base_etag: string | null;
  base_json: string;
  mine_json: string;
  theirs_etag: string | null;
  theirs_json: string;
}

export function toEntry(row: EntryRow): OutboxEntry {
  const common = {
    seq: row.seq,
    profileId: row.profile_id,
    imageId: row.image_id,
    createdMs: row.created_ms,
    state: row.state === 'failed' ? ('failed' as const) : ('queued' as const),
    attempts: row.attempts,
    lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as IpcError),
  };
  if (row.kind === 'review') {
    const review = JSON.parse(row.payload) as { action: ReviewAction; note: string | null };
    return { ...common, kind: 'review', action: review.action, note: review.note };
  }
  return {
    ...common,
    kind: 'save',
    annotations: JSON.parse(row.payload) as Annotation[],
    base: {
      etag: row.base_etag,
      annotations: row.base_json === null ? null : (JSON.parse(row.base_json) as Annotation[]),
    },
    force: row.force === 1,
  };
}

export function toConflict(row: ConflictRow): ConflictRecord {
  return {
    id: row.id,
    seq: row.seq,
    profileId: row.profile_id,
    imageId: row.image_id,
    createdMs: row.created_ms,
    base: { etag: row.base_etag, annotations: JSON.parse(row.base_json) as Annotation[] },
    mine: JSON.parse(row.mine_json) as Annotation[],
    theirs: { etag: row.theirs_etag, annotations: JSON.parse(row.theirs_json) as Annotation[] },
  };
}
