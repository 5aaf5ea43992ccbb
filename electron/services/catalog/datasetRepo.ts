import type { DatabaseSync } from 'node:sqlite';
import type { Dataset } from '../../../shared/api';
import type { CatalogIndexStatus, IpcError } from '../../../shared/ipc';
import { inTransaction } from '../fs/sqliteFiles';

export type IndexState = CatalogIndexStatus['state'];

interface DatasetRow {
  ds: number;
  json: string;
  synced_ms: number;
  index_state: string;
  indexed_count: number;
  index_total: number | null;
  index_skipped: number;
  indexed_at: string | null;
  indexed_updated_at: string | null;
  index_error: string | null;
}

export interface CachedDataset {
  /** The catalog's integer key for the dataset; images hang off it. */
  ds: number;
  dataset: Dataset;
  syncedMs: number;
  index: CatalogIndexStatus;
  /** The dataset's updated_at when the last complete index finished. */
  indexedUpdatedAt: string | null;
}

const INDEX_STATES: readonly IndexState[] = ['idle', 'indexing', 'ready', 'error'];

/** Datasets per profile, with each one's index status. */
export class DatasetRepo {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** The datasets last listed for this profile, in the API's order (name, then id). */
  list(profileId: string): Dataset[] {
    const rows = this.#db
      .prepare('SELECT json FROM datasets WHERE profile_id = ? ORDER BY name, id')
      .all(profileId) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as Dataset);
  }

  get(profileId: string, datasetId: string): CachedDataset | null {
    const row = this.#db
      .prepare(
        `SELECT ds, json, synced_ms, index_state, indexed_count, index_total, index_skipped, indexed_at,
                indexed_updated_at, index_error
           FROM datasets WHERE profile_id = ? AND id = ?`,
      )
      .get(profileId, datasetId) as DatasetRow | undefined;
    if (!row) return null;
    const dataset = JSON.parse(row.json) as Dataset;
    return {
      ds: row.ds,
      dataset,
      syncedMs: row.synced_ms,
      indexedUpdatedAt: row.indexed_updated_at,
      index: {
        datasetId,
        state: INDEX_STATES.find((s) => s === row.index_state) ?? 'idle',
        indexed: row.indexed_count,
        total: row.index_total,
        indexedAt: row.indexed_at,
        error: row.index_error === null ? null : (JSON.parse(row.index_error) as IpcError),
        skipped: row.index_skipped,
      },
    };
  }

  /** Stores one dataset (insert or update), keeping its index status; returns its key. */
  upsert(profileId: string, dataset: Dataset, syncedMs: number): number {
    const row = this.#db
      .prepare(
        `INSERT INTO datasets (profile_id, id, name, json, updated_at, synced_ms) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, id) DO UPDATE SET
           name = excluded.name, json = excluded.json, updated_at = excluded.updated_at, synced_ms = excluded.synced_ms
         RETURNING ds`,
      )
      .get(profileId, dataset.id, dataset.name, JSON.stringify(dataset), dataset.updated_at, syncedMs) as {
      ds: number;
    };
    return row.ds;
  }

  /**
   * A complete list from the server: store each, and drop this profile's datasets the server no
   * longer lists (their images go with them). Returns true when anything changed.
   */
  replaceAll(profileId: string, datasets: readonly Dataset[], syncedMs: number): boolean {
    return inTransaction(this.#db, () => {
      const before = this.#fingerprint(profileId);
      for (const dataset of datasets) this.upsert(profileId, dataset, syncedMs);
      const keep = new Set(datasets.map((d) => d.id));
      const known = this.#db.prepare('SELECT id FROM datasets WHERE profile_id = ?').all(profileId) as {
        id: string;
      }[];
      const remove = this.#db.prepare('DELETE FROM datasets WHERE profile_id = ? AND id = ?');
      for (const { id } of known) if (!keep.has(id)) remove.run(profileId, id);
      return before !== this.#fingerprint(profileId);
    });
  }

  setIndex(
    ds: number,
    patch: {
      state: IndexState;
      indexed?: number;
      total?: number | null;
      skipped?: number;
      indexedAt?: string;
      indexedUpdatedAt?: string;
      error?: IpcError | null;
    },
  ): void {
    const sets = ['index_state = ?'];
    const values: (string | number | null)[] = [patch.state];
    const add = (column: string, value: string | number | null) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.indexed !== undefined) add('indexed_count', patch.indexed);
    if (patch.total !== undefined) add('index_total', patch.total);
    if (patch.skipped !== undefined) add('index_skipped', patch.skipped);
    if (patch.indexedAt !== undefined) add('indexed_at', patch.indexedAt);
    if (patch.indexedUpdatedAt !== undefined) add('indexed_updated_at', patch.indexedUpdatedAt);
    if (patch.error !== undefined) add('index_error', patch.error === null ? null : JSON.stringify(patch.error));
    this.#db.prepare(`UPDATE datasets SET ${sets.join(', ')} WHERE ds = ?`).run(...values, ds);
  }

  /** An index that was running when the app stopped did not finish: say so instead of "indexing". */
  resetInterruptedIndexes(ds?: number): void {
    const sql =
      "UPDATE datasets SET index_state = CASE WHEN indexed_at IS NULL THEN 'idle' ELSE 'ready' END WHERE index_state = 'indexing'";
    if (ds === undefined) this.#db.prepare(sql).run();
    else this.#db.prepare(`${sql} AND ds = ?`).run(ds);
  }

  #fingerprint(profileId: string): string {
    const rows = this.#db.prepare('SELECT id, json FROM datasets WHERE profile_id = ? ORDER BY id').all(profileId) as {
      id: string;
      json: string;
    }[];
    return rows.map((r) => `${r.id}\u0000${r.json}`).join('\u0001');
  }
}
