import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { sha256Hex } from '../util/hash';

export interface StoredAnnotationList {
  /** The canonical list JSON exactly as served (and hashed for the ETag). */
  json: string;
  /** sha256 hex of `json`, without quotes. */
  etag: string;
}

export const EMPTY_LIST: StoredAnnotationList = { json: '[]', etag: sha256Hex('[]') };

/** One canonical JSON text per image; an image without a row has the empty list. */
export class AnnotationListRepository {
  private readonly getStmt: StatementSync;
  private readonly putStmt: StatementSync;
  private readonly deleteStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.getStmt = db.prepare('SELECT list_json, etag FROM annotation_lists WHERE image_id = ?');
    this.putStmt = db.prepare(
      `INSERT INTO annotation_lists (image_id, list_json, etag) VALUES (?, ?, ?)
       ON CONFLICT (image_id) DO UPDATE SET list_json = excluded.list_json, etag = excluded.etag`,
    );
    this.deleteStmt = db.prepare('DELETE FROM annotation_lists WHERE image_id = ?');
  }

  get(imageId: string): StoredAnnotationList {
    const row = this.getStmt.get(imageId) as { list_json: string; etag: string } | undefined;
    return row ? { json: row.list_json, etag: row.etag } : EMPTY_LIST;
  }

  put(imageId: string, list: StoredAnnotationList): void {
    if (list.json === '[]') this.deleteStmt.run(imageId);
    else this.putStmt.run(imageId, list.json, list.etag);
  }

  delete(imageId: string): void {
    this.deleteStmt.run(imageId);
  }
}
