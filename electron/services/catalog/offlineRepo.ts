import type { DatabaseSync } from 'node:sqlite';
import type { IpcError, OfflineFailure } from '../../../shared/ipc';
import { inTransaction } from '../fs/sqliteFiles';

export type StoredOfflineState = 'queued' | 'downloading' | 'paused' | 'complete' | 'failed';

export interface OfflineDatasetRow {
  profileId: string;
  datasetId: string;
  state: StoredOfflineState;
  enabledMs: number;
  completedMs: number | null;
  annotationsFrom: 'export' | 'per-image' | null;
  exportId: string | null;
  /** The export asked for before its answer (and id) arrived: a restart looks it up by name. */
  exportName: string | null;
  bytesTotal: number;
  error: IpcError | null;
}

export interface OfflineItemInput {
  imageId: string;
  filename: string;
  fileSize: number;
}

export interface OfflineCounts {
  total: number;
  /** Images with both their bytes and their annotations here. */
  done: number;
  imagesDone: number;
  annotationsDone: number;
  bytesDone: number;
  failures: number;
}

/**
 * A SQL condition true for a `media_blobs`/`annotation_docs` row (aliased `t`) that must stay: its
 * image belongs to a dataset available offline. The blob store's eviction and catalog:clear both
 * use it, so the rule is written once.
 */
export const PINNED_BY_OFFLINE =
  'EXISTS (SELECT 1 FROM offline_items o WHERE o.profile_id = t.profile_id AND o.image_id = t.image_id)';

/** Images that something outside the catalog needs kept (the outbox: queued edits and conflicts). */
export type ExternalPins = () => readonly { profileId: string; imageId: string }[];

/** The same for pins handed in as JSON `[[profileId, imageId], …]` (bound as the statement's parameter). */
export const PINNED_BY_LIST =
  "EXISTS (SELECT 1 FROM json_each(?) j WHERE j.value ->> '$[0]' = t.profile_id AND j.value ->> '$[1]' = t.image_id)";

export const pinsJson = (pins: ExternalPins | null): string =>
  JSON.stringify((pins?.() ?? []).map((p) => [p.profileId, p.imageId]));

interface DatasetRowRaw {
  profile_id: string;
  dataset_id: string;
  state: string;
  enabled_ms: number;
  completed_ms: number | null;
  annotations_from: string | null;
  export_id: string | null;
  export_name: string | null;
  bytes_total: number;
  error: string | null;
}

const STATES = new Set<string>(['queued', 'downloading', 'paused', 'complete', 'failed']);

function parseError(raw: string | null): IpcError | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as IpcError;
  } catch {
    return null;
  }
}

function toRow(raw: DatasetRowRaw): OfflineDatasetRow {
  return {
    profileId: raw.profile_id,
    datasetId: raw.dataset_id,
    state: (STATES.has(raw.state) ? raw.state : 'queued') as StoredOfflineState,
    enabledMs: raw.enabled_ms,
    completedMs: raw.completed_ms,
    annotationsFrom:
      raw.annotations_from === 'export' || raw.annotations_from === 'per-image' ? raw.annotations_from : null,
    exportId: raw.export_id,
    exportName: raw.export_name ?? null,
    bytesTotal: raw.bytes_total,
    error: parseError(raw.error),
  };
}

/** The "available offline" marks and each image's download progress (migration 002). */
export class OfflineRepo {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get(profileId: string, datasetId: string): OfflineDatasetRow | null {
    const raw = this.#db
      .prepare('SELECT * FROM offline_datasets WHERE profile_id = ? AND dataset_id = ?')
      .get(profileId, datasetId) as DatasetRowRaw | undefined;
    return raw ? toRow(raw) : null;
  }

  list(profileId: string | null): OfflineDatasetRow[] {
    const rows = (profileId === null
      ? this.#db.prepare('SELECT * FROM offline_datasets ORDER BY enabled_ms').all()
      : this.#db
          .prepare('SELECT * FROM offline_datasets WHERE profile_id = ? ORDER BY enabled_ms')
          .all(profileId)) as unknown as DatasetRowRaw[];
    return rows.map(toRow);
  }

  /** Marks a dataset (again) available offline; keeps the progress of an earlier mark. */
  enable(profileId: string, datasetId: string, nowMs: number): OfflineDatasetRow {
    this.#db
      .prepare(
        `INSERT INTO offline_datasets (profile_id, dataset_id, state, enabled_ms) VALUES (?, ?, 'queued', ?)
         ON CONFLICT (profile_id, dataset_id) DO UPDATE SET
           state = CASE WHEN state = 'complete' THEN 'complete' ELSE 'queued' END, error = NULL`,
      )
      .run(profileId, datasetId, nowMs);
    return this.get(profileId, datasetId)!;
  }

  update(
    profileId: string,
    datasetId: string,
    fields: Partial<
      Pick<
        OfflineDatasetRow,
        'state' | 'completedMs' | 'annotationsFrom' | 'exportId' | 'exportName' | 'bytesTotal' | 'error'
      >
    >,
  ): void {
    const columns: Record<string, string> = {
      state: 'state',
      completedMs: 'completed_ms',
      annotationsFrom: 'annotations_from',
      exportId: 'export_id',
      exportName: 'export_name',
      bytesTotal: 'bytes_total',
      error: 'error',
    };
    const sets: string[] = [];
    const args: (string | number | null)[] = [];
    for (const [key, value] of Object.entries(fields)) {
      const column = columns[key];
      if (column === undefined || value === undefined) continue;
      sets.push(`${column} = ?`);
      args.push(key === 'error' ? (value === null ? null : JSON.stringify(value)) : (value as string | number | null));
    }
    if (sets.length === 0) return;
    this.#db
      .prepare(`UPDATE offline_datasets SET ${sets.join(', ')} WHERE profile_id = ? AND dataset_id = ?`)
      .run(...args, profileId, datasetId);
  }

  /** Forgets the mark and its items: the images are no longer pinned (they stay as ordinary cache). */
  remove(profileId: string, datasetId: string): void {
    inTransaction(this.#db, () => {
      this.#db.prepare('DELETE FROM offline_items WHERE profile_id = ? AND dataset_id = ?').run(profileId, datasetId);
      this.#db
        .prepare('DELETE FROM offline_datasets WHERE profile_id = ? AND dataset_id = ?')
        .run(profileId, datasetId);
    });
  }

  /**
   * Records the listing's images (new ones start undone; a changed size starts the image over).
   * Items the listing no longer has are gone from the server: dropped. Returns the total bytes.
   */
  setItems(profileId: string, datasetId: string, items: readonly OfflineItemInput[]): number {
    return inTransaction(this.#db, () => {
      this.#db.exec('CREATE TEMP TABLE IF NOT EXISTS offline_listed (image_id TEXT PRIMARY KEY)');
      this.#db.exec('DELETE FROM offline_listed');
      const listed = this.#db.prepare('INSERT OR IGNORE INTO offline_listed (image_id) VALUES (?)');
      const upsert = this.#db.prepare(
        `INSERT INTO offline_items (profile_id, image_id, dataset_id, filename, file_size) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, image_id) DO UPDATE SET
           dataset_id = excluded.dataset_id, filename = excluded.filename, file_size = excluded.file_size,
           image_done = CASE WHEN file_size = excluded.file_size THEN image_done ELSE 0 END`,
      );
      let bytes = 0;
      for (const item of items) {
        listed.run(item.imageId);
        upsert.run(profileId, item.imageId, datasetId, item.filename, item.fileSize);
        bytes += item.fileSize;
      }
      this.#db
        .prepare(
          `DELETE FROM offline_items WHERE profile_id = ? AND dataset_id = ?
             AND image_id NOT IN (SELECT image_id FROM offline_listed)`,
        )
        .run(profileId, datasetId);
      this.#db.exec('DELETE FROM offline_listed');
      return bytes;
    });
  }

  /** Images still missing their bytes or annotations (failed ones included: a resume tries again). */
  pending(
    profileId: string,
    datasetId: string,
  ): { imageId: string; fileSize: number; imageDone: boolean; annotationsDone: boolean }[] {
    const rows = this.#db
      .prepare(
        `SELECT image_id, file_size, image_done, annotations_done FROM offline_items
          WHERE profile_id = ? AND dataset_id = ? AND (image_done = 0 OR annotations_done = 0) ORDER BY image_id`,
      )
      .all(profileId, datasetId) as {
      image_id: string;
      file_size: number;
      image_done: number;
      annotations_done: number;
    }[];
    return rows.map((r) => ({
      imageId: r.image_id,
      fileSize: r.file_size,
      imageDone: r.image_done === 1,
      annotationsDone: r.annotations_done === 1,
    }));
  }

  markImage(profileId: string, imageId: string): void {
    this.#db
      .prepare('UPDATE offline_items SET image_done = 1, error = NULL WHERE profile_id = ? AND image_id = ?')
      .run(profileId, imageId);
  }

  markAnnotations(profileId: string, imageIds: readonly string[]): void {
    if (imageIds.length === 0) return;
    inTransaction(this.#db, () => {
      const mark = this.#db.prepare(
        'UPDATE offline_items SET annotations_done = 1 WHERE profile_id = ? AND image_id = ?',
      );
      for (const id of imageIds) mark.run(profileId, id);
    });
  }

  fail(profileId: string, imageId: string, what: OfflineFailure['what'], message: string): void {
    this.#db
      .prepare('UPDATE offline_items SET error = ? WHERE profile_id = ? AND image_id = ?')
      .run(JSON.stringify({ what, message }), profileId, imageId);
  }

  counts(profileId: string, datasetId: string): OfflineCounts {
    const row = this.#db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(image_done AND annotations_done), 0) AS done,
                coalesce(sum(image_done), 0) AS images_done, coalesce(sum(annotations_done), 0) AS annotations_done,
                coalesce(sum(CASE WHEN image_done = 1 THEN file_size ELSE 0 END), 0) AS bytes_done,
                coalesce(sum(error IS NOT NULL), 0) AS failures
           FROM offline_items WHERE profile_id = ? AND dataset_id = ?`,
      )
      .get(profileId, datasetId) as {
      total: number;
      done: number;
      images_done: number;
      annotations_done: number;
      bytes_done: number;
      failures: number;
    };
    return {
      total: row.total,
      done: row.done,
      imagesDone: row.images_done,
      annotationsDone: row.annotations_done,
      bytesDone: row.bytes_done,
      failures: row.failures,
    };
  }

  failures(profileId: string, datasetId: string, limit: number): OfflineFailure[] {
    const rows = this.#db
      .prepare(
        `SELECT image_id, filename, error FROM offline_items
          WHERE profile_id = ? AND dataset_id = ? AND error IS NOT NULL ORDER BY filename, image_id LIMIT ?`,
      )
      .all(profileId, datasetId, limit) as { image_id: string; filename: string; error: string }[];
    return rows.map((r) => {
      const parsed = parseError(r.error) as unknown as { what?: string; message?: string } | null;
      return {
        imageId: r.image_id,
        filename: r.filename,
        what: parsed?.what === 'annotations' ? 'annotations' : 'image',
        message: typeof parsed?.message === 'string' ? parsed.message : 'Failed.',
      };
    });
  }

  /** Whether an image of this profile is pinned by an offline dataset. */
  isPinned(profileId: string, imageId: string): boolean {
    return (
      this.#db.prepare('SELECT 1 FROM offline_items WHERE profile_id = ? AND image_id = ?').get(profileId, imageId) !==
      undefined
    );
  }
}
