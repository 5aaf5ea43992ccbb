import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export type ExportStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface ExportRow {
  id: string;
  dataset_id: string;
  name: string;
  format: string;
  include_images: boolean;
  class_filter: string[] | null;
  status_filter: string | null;
  status: ExportStatus;
  error_message: string | null;
  file_size: number | null;
  image_count: number | null;
  annotation_count: number | null;
  created_at: string;
  created_ms: number;
  completed_at: string | null;
  expires_at: string | null;
  expires_ms: number | null;
}

type SqlRow = Record<string, unknown>;
const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toExport(row: SqlRow): ExportRow {
  return {
    id: row.id as string,
    dataset_id: row.dataset_id as string,
    name: row.name as string,
    format: row.format as string,
    include_images: Number(row.include_images) === 1,
    class_filter: row.class_filter === null ? null : (JSON.parse(row.class_filter as string) as string[]),
    status_filter: (row.status_filter as string | null) ?? null,
    status: row.status as ExportStatus,
    error_message: (row.error_message as string | null) ?? null,
    file_size: intOrNull(row.file_size),
    image_count: intOrNull(row.image_count),
    annotation_count: intOrNull(row.annotation_count),
    created_at: row.created_at as string,
    created_ms: Number(row.created_ms),
    completed_at: (row.completed_at as string | null) ?? null,
    expires_at: (row.expires_at as string | null) ?? null,
    expires_ms: intOrNull(row.expires_ms),
  };
}

export interface ExportFinish {
  status: 'completed' | 'failed';
  error_message: string | null;
  file_size: number | null;
  image_count: number | null;
  annotation_count: number | null;
  completed_at: string;
  expires_at: string;
  expires_ms: number;
}

export class ExportRepository {
  private readonly byId: StatementSync;
  private readonly byName: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly statusStmt: StatementSync;
  private readonly finishStmt: StatementSync;
  private readonly deleteStmt: StatementSync;
  private readonly expiredStmt: StatementSync;
  private readonly unfinishedStmt: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.byId = db.prepare('SELECT * FROM exports WHERE id = ?');
    this.byName = db.prepare('SELECT id FROM exports WHERE dataset_id = ? AND name = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO exports (id, dataset_id, name, format, include_images, class_filter, status_filter, status, created_at, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.statusStmt = db.prepare('UPDATE exports SET status = ? WHERE id = ?');
    this.finishStmt = db.prepare(
      `UPDATE exports SET status = ?, error_message = ?, file_size = ?, image_count = ?, annotation_count = ?,
         completed_at = ?, expires_at = ?, expires_ms = ? WHERE id = ?`,
    );
    this.deleteStmt = db.prepare('DELETE FROM exports WHERE id = ?');
    this.expiredStmt = db.prepare('SELECT id FROM exports WHERE expires_ms IS NOT NULL AND expires_ms <= ?');
    this.unfinishedStmt = db.prepare(
      "SELECT id FROM exports WHERE status IN ('pending', 'processing') ORDER BY created_ms, id",
    );
  }

  get(id: string): ExportRow | undefined {
    const row = this.byId.get(id) as SqlRow | undefined;
    return row ? toExport(row) : undefined;
  }

  nameTaken(datasetId: string, name: string): boolean {
    return this.byName.get(datasetId, name) !== undefined;
  }

  insert(row: ExportRow): void {
    this.insertStmt.run(
      row.id,
      row.dataset_id,
      row.name,
      row.format,
      row.include_images ? 1 : 0,
      row.class_filter === null ? null : JSON.stringify(row.class_filter),
      row.status_filter,
      row.created_at,
      row.created_ms,
    );
  }

  setStatus(id: string, status: ExportStatus): void {
    this.statusStmt.run(status, id);
  }

  finish(id: string, f: ExportFinish): void {
    this.finishStmt.run(
      f.status,
      f.error_message,
      f.file_size,
      f.image_count,
      f.annotation_count,
      f.completed_at,
      f.expires_at,
      f.expires_ms,
      id,
    );
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }

  expiredIds(nowMs: number): string[] {
    return (this.expiredStmt.all(nowMs) as SqlRow[]).map((r) => r.id as string);
  }

  unfinishedIds(): string[] {
    return (this.unfinishedStmt.all() as SqlRow[]).map((r) => r.id as string);
  }

  /** Ordered by created_at descending, then id (contract §8). */
  list(filter: { datasetId?: string; status?: ExportStatus }, limit: number, offset: number): ExportRow[] {
    const { where, params } = exportWhere(filter);
    const stmt = this.db.prepare(`SELECT * FROM exports ${where} ORDER BY created_ms DESC, id LIMIT ? OFFSET ?`);
    return (stmt.all(...params, limit, offset) as SqlRow[]).map(toExport);
  }

  count(filter: { datasetId?: string; status?: ExportStatus }): number {
    const { where, params } = exportWhere(filter);
    return Number((this.db.prepare(`SELECT count(*) AS n FROM exports ${where}`).get(...params) as SqlRow).n);
  }
}

function exportWhere(filter: { datasetId?: string; status?: ExportStatus }): {
  where: string;
  params: SQLInputValue[];
} {
  const parts: string[] = [];
  const params: SQLInputValue[] = [];
  if (filter.datasetId !== undefined) {
    parts.push('dataset_id = ?');
    params.push(filter.datasetId);
  }
  if (filter.status !== undefined) {
    parts.push('status = ?');
    params.push(filter.status);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
