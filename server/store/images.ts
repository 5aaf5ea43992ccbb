import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export type ImageStatus = 'new' | 'in_progress' | 'complete';

export interface ImageRow {
  id: string;
  dataset_id: string;
  filename: string;
  directory_path: string;
  width: number | null;
  height: number | null;
  file_size: number;
  mime_type: string;
  sha256: string;
  blob: string;
  status: ImageStatus;
  annotation_count: number;
  min_confidence: number | null;
  is_archived: boolean;
  created_at: string;
  updated_at: string;
}

export interface ImageFilter {
  datasetId: string;
  status?: ImageStatus;
  directoryPath?: string;
  filename?: string;
  minConfidenceLt?: number;
  includeArchived: boolean;
}

type SqlRow = Record<string, unknown>;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const COLUMNS = [
  'id',
  'dataset_id',
  'filename',
  'directory_path',
  'width',
  'height',
  'file_size',
  'mime_type',
  'sha256',
  'blob',
  'status',
  'annotation_count',
  'min_confidence',
  'is_archived',
  'created_at',
  'updated_at',
] as const;
const SELECT_COLUMNS = COLUMNS.join(', ');

/**
 * Rows come back as arrays, not objects: node:sqlite builds a 1000-row page of objects ~8× slower
 * than arrays, which alone would blow the listing's latency budget on a 100k-image dataset.
 */
function toImage(row: unknown[]): ImageRow {
  return {
    id: row[0] as string,
    dataset_id: row[1] as string,
    filename: row[2] as string,
    directory_path: row[3] as string,
    width: nullableNumber(row[4]),
    height: nullableNumber(row[5]),
    file_size: Number(row[6]),
    mime_type: row[7] as string,
    sha256: row[8] as string,
    blob: row[9] as string,
    status: row[10] as ImageStatus,
    annotation_count: Number(row[11]),
    min_confidence: nullableNumber(row[12]),
    is_archived: Number(row[13]) === 1,
    created_at: row[14] as string,
    updated_at: row[15] as string,
  };
}

const INSERT_SQL = `INSERT INTO images (id, dataset_id, filename, directory_path, width, height, file_size, mime_type,
  sha256, blob, status, annotation_count, min_confidence, is_archived, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class ImageRepository {
  private readonly byId: StatementSync;
  private readonly byName: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly archiveStmt: StatementSync;
  private readonly deleteStmt: StatementSync;
  private readonly statusStmt: StatementSync;
  private readonly annotationStatsStmt: StatementSync;
  private readonly idsInOrder: StatementSync;
  private readonly filtered = new Map<string, StatementSync>();
  /**
   * Counting 100k rows costs tens of ms, and clients page through the same filter many times.
   * Counts are cached per filter and dropped on any write through this repository (the only
   * writer while the server runs), so X-Total-Count is never stale.
   */
  private readonly counts = new Map<string, number>();

  constructor(private readonly db: DatabaseSync) {
    this.byId = db.prepare(`SELECT ${SELECT_COLUMNS} FROM images WHERE id = ?`);
    this.byId.setReturnArrays(true);
    this.byName = db.prepare('SELECT id FROM images WHERE dataset_id = ? AND directory_path = ? AND filename = ?');
    this.insertStmt = db.prepare(INSERT_SQL);
    this.archiveStmt = db.prepare('UPDATE images SET is_archived = 1, updated_at = ? WHERE id = ?');
    this.deleteStmt = db.prepare('DELETE FROM images WHERE id = ?');
    this.statusStmt = db.prepare('UPDATE images SET status = ?, updated_at = ? WHERE id = ?');
    this.annotationStatsStmt = db.prepare(
      'UPDATE images SET annotation_count = ?, min_confidence = ?, status = ?, updated_at = ? WHERE id = ?',
    );
    this.idsInOrder = db.prepare(
      'SELECT id FROM images WHERE dataset_id = ? AND is_archived = 0 ORDER BY filename, directory_path, id',
    );
  }

  get(id: string): ImageRow | undefined {
    const row = this.byId.get(id) as unknown as unknown[] | undefined;
    return row ? toImage(row) : undefined;
  }

  /** Names stay reserved by archived images too (contract §7.2). */
  idByName(datasetId: string, directoryPath: string, filename: string): string | undefined {
    const row = this.byName.get(datasetId, directoryPath, filename) as SqlRow | undefined;
    return row ? (row.id as string) : undefined;
  }

  insert(row: ImageRow): void {
    this.counts.clear();
    this.insertStmt.run(
      row.id,
      row.dataset_id,
      row.filename,
      row.directory_path,
      row.width,
      row.height,
      row.file_size,
      row.mime_type,
      row.sha256,
      row.blob,
      row.status,
      row.annotation_count,
      row.min_confidence,
      row.is_archived ? 1 : 0,
      row.created_at,
      row.updated_at,
    );
  }

  archive(id: string, at: string): void {
    this.counts.clear();
    this.archiveStmt.run(at, id);
  }

  delete(id: string): void {
    this.counts.clear();
    this.deleteStmt.run(id);
  }

  setStatus(id: string, status: ImageStatus, at: string): void {
    this.counts.clear();
    this.statusStmt.run(status, at, id);
  }

  setAnnotationStats(id: string, count: number, minConfidence: number | null, status: ImageStatus, at: string): void {
    this.counts.clear();
    this.annotationStatsStmt.run(count, minConfidence, status, at, id);
  }

  /** Non-archived image ids of a dataset in listing order (export jobs read rows one by one). */
  activeIdsInOrder(datasetId: string): string[] {
    return (this.idsInOrder.all(datasetId) as SqlRow[]).map((r) => r.id as string);
  }

  list(filter: ImageFilter, limit: number, offset: number): ImageRow[] {
    const { where, params } = whereClause(filter);
    const stmt = this.statement(
      `SELECT ${SELECT_COLUMNS} FROM images WHERE ${where} ORDER BY filename, directory_path, id LIMIT ? OFFSET ?`,
    );
    stmt.setReturnArrays(true);
    return (stmt.all(...params, limit, offset) as unknown as unknown[][]).map(toImage);
  }

  count(filter: ImageFilter): number {
    const { where, params } = whereClause(filter);
    const cacheKey = `${where}\n${JSON.stringify(params)}`;
    const cached = this.counts.get(cacheKey);
    if (cached !== undefined) return cached;
    const n = Number((this.statement(`SELECT count(*) AS n FROM images WHERE ${where}`).get(...params) as SqlRow).n);
    if (this.counts.size > 1000) this.counts.clear();
    this.counts.set(cacheKey, n);
    return n;
  }

  private statement(sql: string): StatementSync {
    let stmt = this.filtered.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.filtered.set(sql, stmt);
    }
    return stmt;
  }
}

function whereClause(filter: ImageFilter): { where: string; params: SQLInputValue[] } {
  const parts = ['dataset_id = ?'];
  const params: SQLInputValue[] = [filter.datasetId];
  if (!filter.includeArchived) parts.push('is_archived = 0');
  if (filter.status !== undefined) {
    parts.push('status = ?');
    params.push(filter.status);
  }
  if (filter.directoryPath !== undefined) {
    parts.push('directory_path = ?');
    params.push(filter.directoryPath);
  }
  if (filter.filename !== undefined) {
    parts.push('filename = ?');
    params.push(filter.filename);
  }
  if (filter.minConfidenceLt !== undefined) {
    parts.push('min_confidence IS NOT NULL AND min_confidence < ?');
    params.push(filter.minConfidenceLt);
  }
  return { where: parts.join(' AND '), params };
}
