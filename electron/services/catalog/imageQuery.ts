import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ImageMeta } from '../../../shared/api';
import type { CatalogPosition, CatalogQuery, FolderCount } from '../../../shared/ipc';
import { catalogQuerySchema } from '../../../shared/ipc';

type ParsedQuery = ReturnType<typeof catalogQuerySchema.parse>;

/** Escapes `%`, `_` and the escape character itself so user text is matched literally by LIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** '/day/' and '/day' are one folder; '' and '/' are the whole dataset (null). */
export function normalizeDirectory(directory: string | undefined): string | null {
  if (directory === undefined) return null;
  const trimmed = directory.replace(/\/+$/, '');
  return trimmed === '' ? null : trimmed;
}

interface Filter {
  sql: string;
  args: SQLInputValue[];
}

/**
 * The WHERE clause of a browser query. Every filter is index- or row-local; the directory filter
 * takes subfolders with a range ('/day/' ≤ path < '/day0', '0' being the code point after '/'),
 * which an index can walk, rather than a LIKE prefix.
 */
function whereOf(ds: number, profileId: string, q: ParsedQuery): Filter {
  const parts = ['ds = ?'];
  const args: SQLInputValue[] = [ds];
  if (q.statuses && q.statuses.length > 0) {
    parts.push(`status_group IN (${q.statuses.map(() => '?').join(', ')})`);
    args.push(...q.statuses);
  }
  const directory = normalizeDirectory(q.directory);
  if (directory !== null) {
    parts.push('(directory_path = ? OR (directory_path >= ? AND directory_path < ?))');
    args.push(directory, `${directory}/`, `${directory}0`);
  }
  if (q.filename !== undefined) {
    // LIKE is case-insensitive for ASCII, which is what a filename search box wants.
    parts.push("filename LIKE ? ESCAPE '\\'");
    args.push(`%${escapeLike(q.filename)}%`);
  }
  if (q.confidenceBelow !== undefined) {
    parts.push('min_confidence IS NOT NULL AND min_confidence < ?');
    args.push(q.confidenceBelow);
  }
  if (q.classNames && q.classNames.length > 0) {
    parts.push(
      `EXISTS (SELECT 1 FROM annotation_classes c WHERE c.profile_id = ? AND c.image_id = images.id
                 AND c.class_name IN (${q.classNames.map(() => '?').join(', ')}))`,
    );
    args.push(profileId, ...q.classNames);
  }
  return { sql: parts.join(' AND '), args };
}

/**
 * The sort key as columns, spelled exactly as in the indexes so SQLite walks one instead of
 * sorting. The confidence sort puts images without a confidence last in both directions (they are
 * never what a reviewer is hunting for), so it leads with a NULL flag that always ascends; every
 * sort ends in the (filename, id) tie-break, so the order is total.
 */
interface SortKey {
  /** Ascending-only leading columns (the NULL flag). */
  fixed: string[];
  /**
   * The same flags negated: `x IS NULL ASC` is `x IS NOT NULL DESC`, which lets an order whose
   * other columns descend walk an all-descending index backwards instead of sorting.
   */
  fixedNegated: string[];
  /** Columns that follow the requested direction. */
  directed: string[];
  /** The first directed column is NULL exactly when the fixed flag is 1 (compare without it then). */
  nullWithFlag: boolean;
}

function sortKeyOf(q: ParsedQuery): SortKey {
  switch (q.sort) {
    case 'filename':
      return { fixed: [], fixedNegated: [], directed: ['filename', 'id'], nullWithFlag: false };
    case 'confidence':
      return {
        fixed: ['min_confidence IS NULL'],
        fixedNegated: ['min_confidence IS NOT NULL'],
        directed: ['min_confidence', 'filename', 'id'],
        nullWithFlag: true,
      };
    case 'annotations':
      return { fixed: [], fixedNegated: [], directed: ['annotation_count', 'filename', 'id'], nullWithFlag: false };
    case 'updated':
      return { fixed: [], fixedNegated: [], directed: ['updated_ms', 'filename', 'id'], nullWithFlag: false };
  }
}

function orderBy(key: SortKey, descending: boolean, reverse = false): string {
  const dir = descending !== reverse ? 'DESC' : 'ASC';
  const fixedDir = reverse ? 'DESC' : 'ASC';
  const fixed = dir === fixedDir ? key.fixed.map((c) => `${c} ${dir}`) : key.fixedNegated.map((c) => `${c} ${dir}`);
  return [...fixed, ...key.directed.map((c) => `${c} ${dir}`)].join(', ');
}

/**
 * "Row comes before (or after) the anchor row in the query's order" as SQL over the anchor's key
 * values, written as row-value ranges an index can seek. The fixed (always ascending) part and the
 * directed part are combined by hand because one row-value comparison cannot mix directions.
 */
function relativeToAnchor(
  key: SortKey,
  descending: boolean,
  anchor: SQLInputValue[],
  side: 'before' | 'after',
): Filter {
  const tuple = (cols: string[]) => `(${cols.join(', ')})`;
  const marks = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;
  const earlier = side === 'before';
  const op = descending === earlier ? '>' : '<';
  const fixedValues = anchor.slice(0, key.fixed.length);
  let directedCols = key.directed;
  let directedValues = anchor.slice(key.fixed.length);
  // Among rows sharing the anchor's NULL flag, a NULL column ties everywhere: compare the rest.
  if (key.nullWithFlag && fixedValues[0] === 1) {
    directedCols = directedCols.slice(1);
    directedValues = directedValues.slice(1);
  }
  const directed = `${tuple(directedCols)} ${op} ${marks(directedCols.length)}`;
  if (key.fixed.length === 0) return { sql: directed, args: directedValues };
  const fixedOp = earlier ? '<' : '>';
  const fixedSide = `${tuple(key.fixed)} ${fixedOp} ${marks(key.fixed.length)}`;
  const fixedSame = `${tuple(key.fixed)} = ${marks(key.fixed.length)}`;
  return {
    sql: `(${fixedSide} OR (${fixedSame} AND ${directed}))`,
    args: [...fixedValues, ...fixedValues, ...directedValues],
  };
}

/** Filter, sort, count and locate over one dataset's images: the queries the API cannot answer. */
export class ImageQueries {
  readonly #db: DatabaseSync;
  readonly #counts = new Map<string, { changes: number; n: number }>();
  /** Writes annotation documents still waiting, before a query that filters by class reads them. */
  readonly #beforeClassQuery: () => void;

  constructor(db: DatabaseSync, beforeClassQuery: () => void = () => {}) {
    this.#db = db;
    this.#beforeClassQuery = beforeClassQuery;
  }

  page(ds: number, profileId: string, query: CatalogQuery, limit: number, offset: number): ImageMeta[] {
    const q = catalogQuerySchema.parse(query);
    if (q.classNames?.length) this.#beforeClassQuery();
    const where = whereOf(ds, profileId, q);
    const order = orderBy(sortKeyOf(q), q.descending);
    // Deferred join: skip to the offset inside the (covering) index, then read only the page's
    // rows; walking whole rows past a deep offset would read 100,000 JSON texts for nothing.
    const rows = this.#db
      .prepare(
        `SELECT json FROM images WHERE key IN (
           SELECT key FROM images WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?)
         ORDER BY ${order}`,
      )
      .all(...where.args, limit, offset) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as ImageMeta);
  }

  /** Counts are memoised until the catalog next changes: a scrolling browser asks for the same total per page. */
  count(ds: number, profileId: string, query: CatalogQuery): number {
    const q = catalogQuerySchema.parse(query);
    if (q.classNames?.length) this.#beforeClassQuery();
    const memoKey = JSON.stringify([ds, profileId, q]);
    const changes = this.#changes();
    const memo = this.#counts.get(memoKey);
    if (memo && memo.changes === changes) return memo.n;
    const where = whereOf(ds, profileId, q);
    const n = (
      this.#db.prepare(`SELECT count(*) AS n FROM images WHERE ${where.sql}`).get(...where.args) as { n: number }
    ).n;
    if (this.#counts.size > 256) this.#counts.clear();
    this.#counts.set(memoKey, { changes, n });
    return n;
  }

  /** Rows this connection has changed so far (every catalog write goes through it). */
  #changes(): number {
    return (this.#db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /**
   * Where `imageId` sits in the query's order, and its neighbours for next/previous. An image that
   * no longer matches (its status just changed, say) still gets neighbours from where its key
   * would sort, so next/previous keep working from it; its position is then null.
   */
  position(ds: number, profileId: string, query: CatalogQuery, imageId: string, span: number): CatalogPosition {
    const q = catalogQuerySchema.parse(query);
    if (q.classNames?.length) this.#beforeClassQuery();
    const where = whereOf(ds, profileId, q);
    const total = this.count(ds, profileId, query);
    const key = sortKeyOf(q);
    const columns = [...key.fixed, ...key.directed];
    const anchorRow = this.#db
      .prepare(`SELECT ${columns.map((c, i) => `${c} AS k${i}`).join(', ')} FROM images WHERE ds = ? AND id = ?`)
      .get(ds, imageId) as Record<string, SQLInputValue> | undefined;
    if (!anchorRow) return { position: null, total, before: [], after: [] };
    const anchor = columns.map((_, i) => anchorRow[`k${i}`] ?? null);
    const matches =
      (this.#db.prepare(`SELECT 1 FROM images WHERE ${where.sql} AND id = ?`).get(...where.args, imageId) as
        object | undefined) !== undefined;
    const before = relativeToAnchor(key, q.descending, anchor, 'before');
    const after = relativeToAnchor(key, q.descending, anchor, 'after');
    const ids = (filter: Filter, reverse: boolean) =>
      (
        this.#db
          .prepare(
            `SELECT id FROM images WHERE ${where.sql} AND ${filter.sql}
              ORDER BY ${orderBy(key, q.descending, reverse)} LIMIT ?`,
          )
          .all(...where.args, ...filter.args, span) as { id: string }[]
      ).map((r) => r.id);
    const position = matches
      ? (
          this.#db
            .prepare(`SELECT count(*) AS n FROM images WHERE ${where.sql} AND ${before.sql}`)
            .get(...where.args, ...before.args) as { n: number }
        ).n
      : null;
    return { position, total, before: ids(before, true), after: ids(after, false) };
  }

  /** Every folder of the dataset with the images directly in it (the renderer builds the tree). */
  folders(ds: number): FolderCount[] {
    const rows = this.#db
      .prepare('SELECT directory_path AS path, count(*) AS count FROM images WHERE ds = ? GROUP BY directory_path')
      .all(ds) as { path: string; count: number }[];
    return rows.map((r) => ({ path: r.path, count: r.count }));
  }
}
