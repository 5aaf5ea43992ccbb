import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { applyMigrations, diagnoseDatabaseFile, setAside } from '../fs/sqliteFiles';
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
  const problem = existsSync(file)
    ? diagnoseDatabaseFile(file, {
        check: 'integrity_check',
        schemaVersion: OUTBOX_SCHEMA_VERSION,
        requiredTables: REQUIRED_TABLES,
      })
    : null;
  if (problem === null) return { db: openAndMigrate(file), recovery: null };
  const at = now().toISOString();
  const setAsidePath = setAside(file, 'damaged', at);
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

function openAndMigrate(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    applyMigrations(db, OUTBOX_MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
