import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../../server/store/db';
import { MIGRATIONS } from '../../../../server/store/migrations';

const version = (db: DatabaseSync) =>
  (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('database migrations', () => {
  it('opens a new file in WAL mode with every migration applied, STRICT tables only', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'db-')), 'local.db'));
    expect(version(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) expect(table.sql, table.name).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('applies only newer migrations, in order, and is idempotent', () => {
    const db = new DatabaseSync(':memory:');
    const applied: number[] = [];
    const steps = [
      { version: 2, name: '002_b', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
      { version: 1, name: '001_a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
    ];
    migrate(
      db,
      steps.map((s) => ({
        ...s,
        get sql() {
          applied.push(s.version);
          return s.sql;
        },
      })),
    );
    expect(applied).toEqual([1, 2]);
    expect(version(db)).toBe(2);
    migrate(db, steps);
    expect(version(db)).toBe(2);
  });

  it('rolls a failing migration back whole, keeping the previous version', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [{ version: 1, name: '001_a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }]);
    expect(() =>
      migrate(db, [
        { version: 2, name: '002_broken', sql: 'CREATE TABLE c (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
      ]),
    ).toThrow(/nowhere/);
    expect(version(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'").get()).toEqual({ n: 0 });
  });
});
