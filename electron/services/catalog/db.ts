import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Log } from '../log';
import { CATALOG_MIGRATIONS, CATALOG_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations';

export interface RebuildInfo {
  at: string;
  reason: string;
  setAsidePath: string;
}

export interface OpenedCatalogDb {
  db: DatabaseSync;
  /** Set when the file found at open was unusable: it was renamed aside and a fresh one built. */
  rebuilt: RebuildInfo | null;
}

/** Tables the current schema must have; a file at our version without them is not our catalog. */
const REQUIRED_TABLES = [
  'datasets',
  'images',
  'annotation_docs',
  'annotation_classes',
  'media_blobs',
  'settings',
  'offline_datasets',
  'offline_items',
];

/**
 * Opens `file` (creating it when missing) and makes sure it is a healthy catalog: a file that is
 * not a database, fails `PRAGMA quick_check`, comes from a newer app (schema version from the
 * future) or lacks our tables is renamed aside — never deleted, someone may want it — and a fresh
 * catalog is built in its place. The catalog is a cache, so rebuilding loses nothing the server
 * does not have; the caller tells the user (`catalog:cacheInfo.rebuilt`).
 */
export function openCatalogDb(file: string, log: Log, now: () => Date = () => new Date()): OpenedCatalogDb {
  mkdirSync(dirname(file), { recursive: true });
  const problem = existsSync(file) ? checkExisting(file) : null;
  if (problem === null) return { db: openAndMigrate(file), rebuilt: null };
  const at = now().toISOString();
  const setAsidePath = `${file}.corrupt-${at.replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, setAsidePath + suffix);
  }
  log('warn', 'The local catalog was unusable: set aside and rebuilt', { reason: problem, setAsidePath });
  return { db: openAndMigrate(file), rebuilt: { at, reason: problem, setAsidePath } };
}

/** Null when the file is a healthy catalog (possibly needing migrations), else why it is not. */
function checkExisting(file: string): string | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file);
    const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    const verdict = rows.map((r) => r.quick_check).join('; ');
    if (verdict !== 'ok') return `integrity check failed: ${verdict.slice(0, 300)}`;
    const version = userVersion(db);
    if (version > CATALOG_SCHEMA_VERSION)
      return `it was written by a newer version of the app (schema ${version}, this app knows ${CATALOG_SCHEMA_VERSION})`;
    if (version === CATALOG_SCHEMA_VERSION) {
      const tables = new Set(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map(
          (r) => r.name,
        ),
      );
      const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
      if (missing.length > 0) return `tables are missing: ${missing.join(', ')}`;
    }
    return null;
  } catch (error) {
    // "file is not a database", a truncated header, an unreadable file: all mean "start over".
    return `it could not be read: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    try {
      db?.close();
    } catch {
      // A handle that never opened has nothing to close.
    }
  }
}

function openAndMigrate(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  migrate(db);
  return db;
}

export function migrate(db: DatabaseSync, migrations: readonly Migration[] = CATALOG_MIGRATIONS): void {
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    inTransaction(db, () => {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
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
    db.exec('ROLLBACK');
    throw error;
  }
}
