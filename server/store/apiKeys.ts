import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Role } from '../../shared/api/common';

export interface ApiKeyRow {
  id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  role: Role;
  rate_limit: number;
  is_active: boolean;
  last_used_at: string | null;
  created_at: string;
  expires_at: string | null;
}

type SqlRow = Record<string, unknown>;

function toKey(row: SqlRow): ApiKeyRow {
  return {
    id: row.id as string,
    name: row.name as string,
    key_hash: row.key_hash as string,
    key_prefix: row.key_prefix as string,
    role: row.role as Role,
    rate_limit: Number(row.rate_limit),
    is_active: Number(row.is_active) === 1,
    last_used_at: (row.last_used_at as string | null) ?? null,
    created_at: row.created_at as string,
    expires_at: (row.expires_at as string | null) ?? null,
  };
}

export interface ApiKeyPatch {
  name?: string;
  rate_limit?: number;
  is_active?: boolean;
}

export class ApiKeyRepository {
  private readonly byId: StatementSync;
  private readonly byHash: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly deleteStmt: StatementSync;
  private readonly usedStmt: StatementSync;
  private readonly updateStmt: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.byId = db.prepare('SELECT * FROM api_keys WHERE id = ?');
    this.byHash = db.prepare('SELECT * FROM api_keys WHERE key_hash = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO api_keys (id, name, key_hash, key_prefix, role, rate_limit, is_active, last_used_at, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteStmt = db.prepare('DELETE FROM api_keys WHERE id = ?');
    this.usedStmt = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
    this.updateStmt = db.prepare('UPDATE api_keys SET name = ?, rate_limit = ?, is_active = ? WHERE id = ?');
  }

  get(id: string): ApiKeyRow | undefined {
    const row = this.byId.get(id) as SqlRow | undefined;
    return row ? toKey(row) : undefined;
  }

  findByHash(hash: string): ApiKeyRow | undefined {
    const row = this.byHash.get(hash) as SqlRow | undefined;
    return row ? toKey(row) : undefined;
  }

  /** Keys whose role is one of `roles`, ordered by created_at then id (contract §9). */
  list(roles: readonly Role[], limit: number, offset: number): ApiKeyRow[] {
    const marks = roles.map(() => '?').join(', ');
    const stmt = this.db.prepare(
      `SELECT * FROM api_keys WHERE role IN (${marks}) ORDER BY created_at, id LIMIT ? OFFSET ?`,
    );
    return (stmt.all(...roles, limit, offset) as SqlRow[]).map(toKey);
  }

  count(roles: readonly Role[]): number {
    const marks = roles.map(() => '?').join(', ');
    const row = this.db.prepare(`SELECT count(*) AS n FROM api_keys WHERE role IN (${marks})`).get(...roles) as SqlRow;
    return Number(row.n);
  }

  insert(row: ApiKeyRow): void {
    this.insertStmt.run(
      row.id,
      row.name,
      row.key_hash,
      row.key_prefix,
      row.role,
      row.rate_limit,
      row.is_active ? 1 : 0,
      row.last_used_at,
      row.created_at,
      row.expires_at,
    );
  }

  update(row: ApiKeyRow, patch: ApiKeyPatch): ApiKeyRow {
    const next = { ...row, ...patch };
    this.updateStmt.run(next.name, next.rate_limit, next.is_active ? 1 : 0, row.id);
    return next;
  }

  markUsed(id: string, at: string): void {
    this.usedStmt.run(at, id);
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
