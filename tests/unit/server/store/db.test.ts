import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../../../../server/store/db';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates STRICT tables in WAL mode and records the schema version; reopening is a no-op', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-db-'));
    dirs.push(dir);
    const file = join(dir, 'x.db');
    const db = openDatabase(file);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['annotation_lists', 'api_keys', 'datasets', 'exports', 'idempotency', 'images', 'meta', 'reviews', 'uploads']);
    for (const t of tables) expect(t.sql).toMatch(/STRICT$/);
    const typeMismatch = "INSERT INTO uploads (id, dataset_id, filename, directory_path, content_type, created_ms, register_until_ms) VALUES ('a', 'b', 'c', '/', 'image/png', 'soon', 1)";
    expect(() => db.prepare(typeMismatch).run()).toThrow(/INTEGER/);
    db.close();
    openDatabase(file).close();
  });

  it('inTransaction rolls back everything on a throw', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      inTransaction(db, () => {
        db.prepare("INSERT INTO meta (key, value) VALUES ('a', '1')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare("SELECT count(*) AS n FROM meta").get()).toEqual({ n: 0 });
  });
});
