import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface UploadRow {
  id: string;
  dataset_id: string;
  filename: string;
  directory_path: string;
  content_type: string;
  created_ms: number;
  register_until_ms: number;
  byte_count: number | null;
  registered_image_id: string | null;
}

type SqlRow = Record<string, unknown>;

function toUpload(row: SqlRow): UploadRow {
  return {
    id: row.id as string,
    dataset_id: row.dataset_id as string,
    filename: row.filename as string,
    directory_path: row.directory_path as string,
    content_type: row.content_type as string,
    created_ms: Number(row.created_ms),
    register_until_ms: Number(row.register_until_ms),
    byte_count: row.byte_count === null ? null : Number(row.byte_count),
    registered_image_id: (row.registered_image_id as string | null) ?? null,
  };
}

/** Upload sessions of the three-step upload (contract §7.2). */
export class UploadRepository {
  private readonly byId: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly bytesStmt: StatementSync;
  private readonly registeredStmt: StatementSync;
  private readonly expiredStmt: StatementSync;
  private readonly deleteExpiredStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.byId = db.prepare('SELECT * FROM uploads WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO uploads (id, dataset_id, filename, directory_path, content_type, created_ms, register_until_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.bytesStmt = db.prepare('UPDATE uploads SET byte_count = ? WHERE id = ?');
    this.registeredStmt = db.prepare('UPDATE uploads SET registered_image_id = ? WHERE id = ?');
    this.expiredStmt = db.prepare('SELECT id FROM uploads WHERE register_until_ms < ? AND registered_image_id IS NULL');
    this.deleteExpiredStmt = db.prepare('DELETE FROM uploads WHERE register_until_ms < ?');
  }

  get(id: string): UploadRow | undefined {
    const row = this.byId.get(id) as SqlRow | undefined;
    return row ? toUpload(row) : undefined;
  }

  insert(row: Omit<UploadRow, 'byte_count' | 'registered_image_id'>): void {
    this.insertStmt.run(
      row.id,
      row.dataset_id,
      row.filename,
      row.directory_path,
      row.content_type,
      row.created_ms,
      row.register_until_ms,
    );
  }

  setBytes(id: string, byteCount: number): void {
    this.bytesStmt.run(byteCount, id);
  }

  markRegistered(id: string, imageId: string): void {
    this.registeredStmt.run(imageId, id);
  }

  /** Unregistered sessions past their window: their staged bytes can go. */
  expiredUnregisteredIds(nowMs: number): string[] {
    return (this.expiredStmt.all(nowMs) as SqlRow[]).map((r) => r.id as string);
  }

  deleteExpired(nowMs: number): void {
    this.deleteExpiredStmt.run(nowMs);
  }
}
