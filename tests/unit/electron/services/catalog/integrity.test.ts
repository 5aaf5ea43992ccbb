import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../../../electron/services/catalog/catalog';
import { openCatalogDb } from '../../../../../electron/services/catalog/db';
import { applyMigrations, userVersion } from '../../../../../electron/services/fs/sqliteFiles';
import { CATALOG_MIGRATIONS, CATALOG_SCHEMA_VERSION } from '../../../../../electron/services/catalog/migrations';
import { PROFILE, dataset } from './support';

let dir: string;
let logs: string[];
const log = (level: string, message: string, fields?: Record<string, unknown>) =>
  logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-integrity-'));
  logs = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'cache.db');

/** A healthy catalog with one dataset in it, closed. */
async function healthyCatalog(): Promise<void> {
  const catalog = await Catalog.open({ dir, log });
  catalog.datasets.upsert(PROFILE, dataset('D'), 1);
  catalog.settings.update({ theme: 'dark' });
  catalog.close();
}

async function expectRebuilt(reasonPattern: RegExp): Promise<Catalog> {
  const catalog = await Catalog.open({ dir, log });
  expect(catalog.rebuilt).not.toBeNull();
  expect(catalog.rebuilt!.reason).toMatch(reasonPattern);
  expect(existsSync(catalog.rebuilt!.setAsidePath)).toBe(true);
  // Fresh and working.
  expect(catalog.datasets.list(PROFILE)).toEqual([]);
  catalog.datasets.upsert(PROFILE, dataset('E'), 1);
  expect(catalog.datasets.list(PROFILE).map((d) => d.id)).toEqual(['E']);
  const info = await catalog.cacheInfo();
  expect(info.rebuilt).toEqual(catalog.rebuilt);
  expect(logs.some((l) => l.startsWith('warn The local catalog was unusable'))).toBe(true);
  catalog.close();
  return catalog;
}

describe('catalog migrations', () => {
  it('a new catalog is at the latest schema, with STRICT tables in WAL mode', async () => {
    const { db, rebuilt } = openCatalogDb(file(), log);
    expect(rebuilt).toBeNull();
    expect(userVersion(db)).toBe(CATALOG_SCHEMA_VERSION);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'annotation_classes',
        'annotation_docs',
        'browse_state',
        'datasets',
        'images',
        'media_blobs',
        'offline_datasets',
        'offline_items',
        'settings',
      ].sort(),
    );
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT/);
    // STRICT really refuses a wrong type.
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', x'00')").run()).toThrow(
      /cannot store BLOB/,
    );
    db.close();
  });

  it('applies only newer migrations, each in its own transaction, and a failing one rolls back', () => {
    const db = new DatabaseSync(':memory:');
    applyMigrations(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }]);
    applyMigrations(db, [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
    ]);
    expect(userVersion(db)).toBe(2);
    expect(() =>
      applyMigrations(db, [
        { version: 3, name: 'broken', sql: 'CREATE TABLE c (x INTEGER) STRICT; SELECT * FROM nowhere;' },
      ]),
    ).toThrow(/no such table/);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'c'").get()).toBeUndefined();
    db.close();
  });

  it('migrations are numbered 1..n without gaps', () => {
    expect(CATALOG_MIGRATIONS.map((m) => m.version)).toEqual(CATALOG_MIGRATIONS.map((_, i) => i + 1));
  });

  it('reopening a healthy catalog keeps its data and does not rebuild', async () => {
    await healthyCatalog();
    const catalog = await Catalog.open({ dir, log });
    expect(catalog.rebuilt).toBeNull();
    expect(catalog.datasets.list(PROFILE).map((d) => d.id)).toEqual(['D']);
    expect(catalog.settings.get().theme).toBe('dark');
    catalog.close();
  });
});

describe('a corrupt catalog is set aside (never deleted) and rebuilt', () => {
  it('a file that is not a database at all', async () => {
    await writeFile(file(), 'this is a text file, not SQLite '.repeat(200));
    await expectRebuilt(/could not be read: .*not a database/);
    const aside = (await readdir(dir)).filter((n) => n.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toContain('not SQLite');
  });

  it('a truncated file', async () => {
    await healthyCatalog();
    // Grow it first so truncating cuts into real pages.
    const catalog = await Catalog.open({ dir, log });
    for (let i = 0; i < 200; i++)
      catalog.datasets.upsert(PROFILE, dataset(`D${i}`, { description: 'x'.repeat(500) }), 1);
    catalog.close();
    await truncate(file(), 4096 + 100);
    await expectRebuilt(/integrity check failed|could not be read/);
  });

  it('damaged pages inside an otherwise valid file', async () => {
    await healthyCatalog();
    const catalog = await Catalog.open({ dir, log });
    for (let i = 0; i < 300; i++)
      catalog.datasets.upsert(PROFILE, dataset(`D${i}`, { description: 'y'.repeat(400) }), 1);
    catalog.close();
    const bytes = await readFile(file());
    // Scribble over the middle of the file, leaving the header intact.
    for (let at = 8192; at < bytes.length - 4096; at += 4096) bytes.fill(0xa5, at + 8, at + 200);
    await writeFile(file(), bytes);
    await expectRebuilt(/integrity check failed|could not be read/);
  });

  it('a damaged page the file still opens with (quick_check reports it)', async () => {
    await healthyCatalog();
    const db = new DatabaseSync(file());
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'datasets'").get() as {
      rootpage: number;
    };
    const pageSize = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
    db.close();
    const bytes = await readFile(file());
    // The first-freeblock pointer of the table's page, pointed past the cells: free space corruption.
    const at = (rootpage - 1) * pageSize;
    bytes[at + 1] = 0x0f;
    bytes[at + 2] = 0xf0;
    await writeFile(file(), bytes);
    await expectRebuilt(/integrity check failed: [\s\S]*(free space corruption|Tree \d+ page)/);
  });

  it('a catalog written by a newer app (schema version from the future)', async () => {
    await healthyCatalog();
    const db = new DatabaseSync(file());
    db.exec(`PRAGMA user_version = ${CATALOG_SCHEMA_VERSION + 5}`);
    db.close();
    await expectRebuilt(/newer version of the app/);
  });

  it('a database at our version that lacks our tables', async () => {
    const db = new DatabaseSync(file());
    db.exec(`CREATE TABLE something_else (x INTEGER); PRAGMA user_version = ${CATALOG_SCHEMA_VERSION};`);
    db.close();
    await expectRebuilt(/tables are missing: datasets/);
  });

  it('an empty file is simply a new database (nothing to set aside)', async () => {
    await writeFile(file(), '');
    const catalog = await Catalog.open({ dir, log });
    expect(catalog.rebuilt).toBeNull();
    catalog.close();
  });
});
