import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Log } from '../log';
import { OUTBOX_MIGRATIONS, OUTBOX_SCHEMA_VERSION } from './migrations';
import { recoverRows } from './recover';

export interface OutboxRecovery {
  at: string;
  reason: string;
  /** Where the damaged file now lives: never deleted, someone may still read more out of it. */
  setAsidePath: string;
  /** Entries and conflicts copied into the fresh outbox. */
  recovered: number;
  /** Rows that could not be read (or made no sense) and were left in the set-aside file. */
  unreadable: number;
}

export interface OpenedOutboxDb {
  db: DatabaseSync;
  recovery: OutboxRecovery | null;
}

const REQUIRED_TABLES = ['entries', 'conflicts', 'synced'];

/**
 * Opens (or creates) `outbox.db` and proves it healthy. Unlike the catalog, the outbox holds edits
 * that exist nowhere else, so a file that fails its check is NEVER rebuilt empty: it is renamed
 * aside, a fresh one is made, and every row that can still be read is copied over (row by row,
 * skipping what cannot be read). The caller tells the user (`sync:status.outboxRecovered`).
 *
 * Durability: WAL with `synchronous = FULL`, so a COMMIT has reached the disk when it returns —
 * only then is a save acknowledged.
 */
export function openOutboxDb(file: string, log: Log, now: () => Date = () => new Date()): OpenedOutboxDb {
  mkdirSync(dirname(file), { recursive: true });
  const problem = existsSync(file) ? checkExisting(file) : null;
  if (problem === null) return { db: openAndMigrate(file), recovery: null };
  const at = now().toISOString();
  const setAsidePath = `${file}.damaged-${at.replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, setAsidePath + suffix);
  }
  const db = openAndMigrate(file);
  const { recovered, unreadable } = recoverRows(setAsidePath, db);
  log('warn', 'The outbox failed its integrity check: set aside, readable entries recovered', {
    reason: problem,
    setAsidePath,
    recovered,
    unreadable,
  });
  return { db, recovery: { at, reason: problem, setAsidePath, recovered, unreadable } };
}

/** Null when the file is a healthy outbox (possibly needing migrations), else why it is not. */
function checkExisting(file: string): string | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file);
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') return `integrity check failed: ${verdict.slice(0, 300)}`;
    const version = userVersion(db);
    if (version > OUTBOX_SCHEMA_VERSION)
      return `it was written by a newer version of the app (schema ${version}, this app knows ${OUTBOX_SCHEMA_VERSION})`;
    if (version === OUTBOX_SCHEMA_VERSION) {
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
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    const current = userVersion(db);
    for (const migration of OUTBOX_MIGRATIONS.filter((m) => m.version > current)) {
      inTransaction(db, () => {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
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
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
