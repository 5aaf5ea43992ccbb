import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { applyMigrations, diagnoseDatabaseFile, setAside } from '../fs/sqliteFiles';
import type { Log } from '../log';
import { CATALOG_MIGRATIONS, CATALOG_SCHEMA_VERSION } from './migrations';

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
  const problem = existsSync(file)
    ? diagnoseDatabaseFile(file, {
        check: 'quick_check',
        schemaVersion: CATALOG_SCHEMA_VERSION,
        requiredTables: REQUIRED_TABLES,
      })
    : null;
  if (problem === null) return { db: openAndMigrate(file), rebuilt: null };
  const at = now().toISOString();
  const setAsidePath = setAside(file, 'corrupt', at);
  log('warn', 'The local catalog was unusable: set aside and rebuilt', { reason: problem, setAsidePath });
  return { db: openAndMigrate(file), rebuilt: { at, reason: problem, setAsidePath } };
}

function openAndMigrate(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  applyMigrations(db, CATALOG_MIGRATIONS);
  return db;
}
