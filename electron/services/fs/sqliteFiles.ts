import { existsSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/**
 * What the catalog (`cache.db`) and the outbox (`outbox.db`) share about their SQLite files:
 * numbered migrations tracked in `user_version`, transactions, and the health check at open that
 * decides whether a file found on disk can be used. What each does with an unusable file differs
 * (the catalog rebuilds, the outbox recovers every readable row), so that stays with them.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/** Runs `work` in an IMMEDIATE transaction; any throw rolls everything back. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed COMMIT (disk full) may already have ended the transaction.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Applies, in order and each in its own transaction, the migrations newer than the file. */
export function applyMigrations(db: DatabaseSync, migrations: readonly Migration[]): void {
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    inTransaction(db, () => {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
}

export interface HealthRules {
  /** `quick_check` for a cache that can be rebuilt; the full `integrity_check` for data that exists nowhere else. */
  check: 'quick_check' | 'integrity_check';
  /** The newest schema this app knows: a file from a newer app is not ours to change. */
  schemaVersion: number;
  /** Tables a file at `schemaVersion` must have. */
  requiredTables: readonly string[];
}

/** Null when `file` is a healthy database of ours (possibly needing migrations), else why it is not. */
export function diagnoseDatabaseFile(file: string, rules: HealthRules): string | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file);
    const rows = db.prepare(`PRAGMA ${rules.check}`).all() as Record<string, string>[];
    const verdict = rows.map((r) => r[rules.check]).join('; ');
    if (verdict !== 'ok') return `integrity check failed: ${verdict.slice(0, 300)}`;
    const version = userVersion(db);
    if (version > rules.schemaVersion)
      return `it was written by a newer version of the app (schema ${version}, this app knows ${rules.schemaVersion})`;
    if (version === rules.schemaVersion) {
      const rowsOfTables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as {
        name: string;
      }[];
      const tables = new Set(rowsOfTables.map((r) => r.name));
      const missing = rules.requiredTables.filter((t) => !tables.has(t));
      if (missing.length > 0) return `tables are missing: ${missing.join(', ')}`;
    }
    return null;
  } catch (error) {
    // "file is not a database", a truncated header, an unreadable file: all mean "unusable".
    return `it could not be read: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    try {
      db?.close();
    } catch {
      // A handle that never opened has nothing to close.
    }
  }
}

/**
 * Renames the file and its WAL companions to `<file>.<label>-<time>`: never deleted, someone may
 * still want what is in it. Returns the new path of the main file.
 */
export function setAside(file: string, label: string, at: string): string {
  const setAsidePath = `${file}.${label}-${at.replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, setAsidePath + suffix);
  }
  return setAsidePath;
}
