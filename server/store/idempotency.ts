import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface StoredResponse {
  method: string;
  path: string;
  body_sha256: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
  created_ms: number;
}

type SqlRow = Record<string, unknown>;

/** Completed idempotent POSTs, scoped per API key (contract §4). */
export class IdempotencyRepository {
  private readonly getStmt: StatementSync;
  private readonly putStmt: StatementSync;
  private readonly pruneStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.getStmt = db.prepare('SELECT * FROM idempotency WHERE api_key_id = ? AND idem_key = ? AND created_ms > ?');
    this.putStmt = db.prepare(
      `INSERT INTO idempotency (api_key_id, idem_key, method, path, body_sha256, status, headers, body, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (api_key_id, idem_key) DO UPDATE SET method = excluded.method, path = excluded.path,
         body_sha256 = excluded.body_sha256, status = excluded.status, headers = excluded.headers,
         body = excluded.body, created_ms = excluded.created_ms`,
    );
    this.pruneStmt = db.prepare('DELETE FROM idempotency WHERE created_ms <= ?');
  }

  /** The stored entry if it is younger than `notBeforeMs`. */
  get(apiKeyId: string, key: string, notBeforeMs: number): StoredResponse | undefined {
    const row = this.getStmt.get(apiKeyId, key, notBeforeMs) as SqlRow | undefined;
    if (!row) return undefined;
    return {
      method: row.method as string,
      path: row.path as string,
      body_sha256: row.body_sha256 as string,
      status: Number(row.status),
      headers: JSON.parse(row.headers as string) as Record<string, string>,
      body: row.body === null ? null : Buffer.from(row.body as Uint8Array),
      created_ms: Number(row.created_ms),
    };
  }

  put(apiKeyId: string, key: string, entry: StoredResponse): void {
    this.putStmt.run(
      apiKeyId,
      key,
      entry.method,
      entry.path,
      entry.body_sha256,
      entry.status,
      JSON.stringify(entry.headers),
      entry.body,
      entry.created_ms,
    );
  }

  prune(olderThanMs: number): void {
    this.pruneStmt.run(olderThanMs);
  }
}
