import { DatabaseSync } from 'node:sqlite';
import type { SQLInputValue } from 'node:sqlite';

type Row = Record<string, SQLInputValue>;

const ENTRY_COLUMNS = [
  'seq',
  'profile_id',
  'image_id',
  'kind',
  'created_ms',
  'payload',
  'base_etag',
  'base_json',
  'force',
  'state',
  'attempts',
  'last_error',
] as const;
const CONFLICT_COLUMNS = [
  'id',
  'seq',
  'profile_id',
  'image_id',
  'created_ms',
  'base_etag',
  'base_json',
  'mine_json',
  'theirs_etag',
  'theirs_json',
] as const;

/** Past this many probes a key range is not worth walking id by id (a garbage max(seq)). */
const MAX_PROBES = 1_000_000;

/**
 * Copies every readable entry and conflict from a damaged outbox (`from`, opened read-only) into a
 * fresh one (`to`), keeping their numbers so the queue's order survives. Reads row by row: a
 * damaged page costs the rows on it, not the whole file. A row that reads but makes no sense (not
 * our JSON, unknown kind) is counted as unreadable rather than copied.
 */
export function recoverRows(from: string, to: DatabaseSync): { recovered: number; unreadable: number } {
  let source: DatabaseSync;
  try {
    source = new DatabaseSync(from, { readOnly: true });
  } catch {
    return { recovered: 0, unreadable: 0 };
  }
  try {
    const entries = copyTable(source, to, 'entries', 'seq', ENTRY_COLUMNS, saneEntry);
    const conflicts = copyTable(source, to, 'conflicts', 'id', CONFLICT_COLUMNS, saneConflict);
    return {
      recovered: entries.recovered + conflicts.recovered,
      unreadable: entries.unreadable + conflicts.unreadable,
    };
  } finally {
    source.close();
  }
}

function copyTable(
  source: DatabaseSync,
  to: DatabaseSync,
  table: string,
  key: string,
  columns: readonly string[],
  sane: (row: Row) => boolean,
): { recovered: number; unreadable: number } {
  const keys = readableKeys(source, table, key);
  const insert = to.prepare(
    `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let recovered = 0;
  let unreadable = 0;
  let select;
  try {
    select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ?`);
  } catch {
    return { recovered: 0, unreadable: keys.length };
  }
  for (const id of keys) {
    try {
      const row = select.get(id) as Row | undefined;
      if (row === undefined) continue;
      if (!sane(row)) {
        unreadable += 1;
        continue;
      }
      insert.run(...columns.map((c) => row[c] ?? null));
      recovered += 1;
    } catch {
      unreadable += 1;
    }
  }
  return { recovered, unreadable };
}

/**
 * The keys of a table, as far as they can be listed: a scan that breaks on a damaged page keeps
 * what it saw; where even that fails, every key up to the largest one known is probed.
 */
function readableKeys(source: DatabaseSync, table: string, key: string): number[] {
  const seen: number[] = [];
  try {
    for (const row of source.prepare(`SELECT ${key} AS k FROM ${table} ORDER BY ${key}`).iterate())
      seen.push(Number((row as { k: number }).k));
    return seen;
  } catch {
    // A damaged b-tree page: fall through to probing.
  }
  let max = seen.at(-1) ?? 0;
  for (const query of [
    `SELECT max(${key}) AS k FROM ${table}`,
    `SELECT seq AS k FROM sqlite_sequence WHERE name = ?`,
  ]) {
    try {
      const row = (query.includes('?') ? source.prepare(query).get(table) : source.prepare(query).get()) as
        { k: number | null } | undefined;
      if (row?.k != null) max = Math.max(max, Number(row.k));
    } catch {
      // Unreadable too: keep the best guess so far.
    }
  }
  const probes = Math.min(max, MAX_PROBES);
  const all = new Set(seen);
  for (let k = 1; k <= probes; k += 1) all.add(k);
  return [...all].sort((a, b) => a - b);
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

function jsonOf(v: unknown): unknown {
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

const isList = (v: unknown): boolean => Array.isArray(jsonOf(v));

function saneEntry(row: Row): boolean {
  if (!isInt(row.seq) || !isText(row.profile_id) || !isText(row.image_id) || !isInt(row.created_ms)) return false;
  if (row.kind === 'save') {
    if (!isList(row.payload)) return false;
    if (row.base_json !== null && !isList(row.base_json)) return false;
  } else if (row.kind === 'review') {
    const review = jsonOf(row.payload) as { action?: unknown } | undefined;
    if (review?.action !== 'approve' && review?.action !== 'request_changes') return false;
  } else {
    return false;
  }
  return (row.state === 'queued' || row.state === 'failed') && (row.force === 0 || row.force === 1);
}

function saneConflict(row: Row): boolean {
  return (
    isInt(row.id) &&
    isInt(row.seq) &&
    isText(row.profile_id) &&
    isText(row.image_id) &&
    isList(row.base_json) &&
    isList(row.mine_json) &&
    isList(row.theirs_json)
  );
}
