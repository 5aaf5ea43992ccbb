import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ImageMeta } from '../../../shared/api';
import { displayStatus } from '../../../shared/api';
import type { ImageFilters } from '../../../shared/ipc';
import { inTransaction } from '../fs/sqliteFiles';

export interface CachedImage {
  ds: number;
  image: ImageMeta;
  syncedMs: number;
}

/** What the server's `GET /images/` would answer, computed from the catalog (offline, or indexed). */
export interface ServerLikePage {
  items: ImageMeta[];
  total: number;
}

/** Epoch ms of a wire timestamp; 0 when unparseable (the schema already refused those). */
const msOf = (timestamp: string): number => {
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) ? ms : 0;
};

/** Image metadata per dataset: the rows every browser query runs over. */
export class ImageRepo {
  readonly #db: DatabaseSync;
  readonly #upsert: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#upsert = db.prepare(
      `INSERT INTO images (ds, id, filename, directory_path, status, status_group, annotation_count, min_confidence,
                           updated_ms, json, synced_ms, index_gen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ds, id) DO UPDATE SET
         filename = excluded.filename, directory_path = excluded.directory_path, status = excluded.status,
         status_group = excluded.status_group, annotation_count = excluded.annotation_count,
         min_confidence = excluded.min_confidence, updated_ms = excluded.updated_ms, json = excluded.json,
         synced_ms = excluded.synced_ms, index_gen = max(index_gen, excluded.index_gen)`,
    );
  }

  /**
   * Stores images of one dataset in one transaction. `gen` marks them as seen by that index run
   * (0 for a page or a single image read outside an index). Returns the ids whose row changed;
   * an index passes `detectChanges: false` (it reports the dataset as a whole, and the extra read
   * per row would slow 100,000 rows down).
   */
  upsertMany(ds: number, images: readonly ImageMeta[], syncedMs: number, gen = 0, detectChanges = true): string[] {
    const changed: string[] = [];
    const before = this.#db.prepare('SELECT json FROM images WHERE ds = ? AND id = ?');
    inTransaction(this.#db, () => {
      for (const image of images) {
        const { annotations: _inline, ...meta } = image;
        const json = JSON.stringify(meta);
        if (detectChanges && (before.get(ds, image.id) as { json: string } | undefined)?.json !== json)
          changed.push(image.id);
        this.#upsert.run(
          ds,
          image.id,
          image.filename,
          image.directory_path,
          image.status,
          displayStatus(image.status),
          image.annotation_count,
          image.min_confidence,
          msOf(image.updated_at),
          json,
          syncedMs,
          gen,
        );
      }
    });
    return changed;
  }

  /** One image by id within a profile (its dataset found through the datasets table). */
  get(profileId: string, imageId: string): CachedImage | null {
    const row = this.#db
      .prepare(
        `SELECT i.ds, i.json, i.synced_ms FROM images i JOIN datasets d ON d.ds = i.ds
          WHERE i.id = ? AND d.profile_id = ? LIMIT 1`,
      )
      .get(imageId, profileId) as { ds: number; json: string; synced_ms: number } | undefined;
    if (!row) return null;
    return { ds: row.ds, image: JSON.parse(row.json) as ImageMeta, syncedMs: row.synced_ms };
  }

  /**
   * Updates fields of a cached image after a write the server accepted (a review's status, a
   * save's counts), so the browser sorts and filters right before the next revalidation.
   * Returns the dataset id when the image is cached.
   */
  patch(profileId: string, imageId: string, fields: Partial<ImageMeta>): string | null {
    const cached = this.get(profileId, imageId);
    if (!cached) return null;
    this.upsertMany(cached.ds, [{ ...cached.image, ...fields }], cached.syncedMs);
    return cached.image.dataset_id;
  }

  remove(profileId: string, imageId: string): void {
    this.#db
      .prepare('DELETE FROM images WHERE id = ? AND ds IN (SELECT ds FROM datasets WHERE profile_id = ?)')
      .run(imageId, profileId);
  }

  /** The generation the next index run of this dataset stamps on the rows it sees. */
  nextGen(ds: number): number {
    const row = this.#db.prepare('SELECT max(index_gen) AS gen FROM images WHERE ds = ?').get(ds) as {
      gen: number | null;
    };
    return (row.gen ?? 0) + 1;
  }

  /** After a complete index: images it did not see are gone from the server. Returns their ids. */
  removeNotSeen(ds: number, gen: number): string[] {
    const rows = this.#db.prepare('DELETE FROM images WHERE ds = ? AND index_gen < ? RETURNING id').all(ds, gen) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  count(ds: number): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM images WHERE ds = ?').get(ds) as { n: number }).n;
  }

  /**
   * The API's own listing semantics (§7.2: exact filters, order filename, directory_path, id) over
   * the catalog. Archived images are never indexed, so `includeArchived` cannot be answered here.
   */
  serverLikePage(ds: number, filters: ImageFilters | undefined, limit: number, offset: number): ServerLikePage {
    const where = ['ds = ?'];
    const args: (string | number)[] = [ds];
    if (filters?.status !== undefined) {
      where.push('status = ?');
      args.push(filters.status);
    }
    if (filters?.directoryPath !== undefined) {
      where.push('directory_path = ?');
      args.push(filters.directoryPath);
    }
    if (filters?.filename !== undefined) {
      where.push('filename = ?');
      args.push(filters.filename);
    }
    if (filters?.minConfidenceLt !== undefined) {
      where.push('min_confidence IS NOT NULL AND min_confidence < ?');
      args.push(filters.minConfidenceLt);
    }
    const clause = where.join(' AND ');
    const total = (this.#db.prepare(`SELECT count(*) AS n FROM images WHERE ${clause}`).get(...args) as { n: number })
      .n;
    const rows = this.#db
      .prepare(`SELECT json FROM images WHERE ${clause} ORDER BY filename, directory_path, id LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as { json: string }[];
    return { items: rows.map((r) => JSON.parse(r.json) as ImageMeta), total };
  }
}
