import { AppError } from '../errors';
import type { DecodedList } from './decode';

export const MAX_PAGE_SIZE = 1000;

export interface PageOptions<T> {
  pageSize?: number;
  startOffset?: number;
  /** Identity of an item, to notice a server that ignores `offset` and would page forever. */
  keyOf?: (item: T) => string;
  signal?: AbortSignal;
}

/**
 * Pages a list to the end (§13.2): `limit` ≤ 1000, `offset` advanced by the items actually received
 * (a server may clamp the limit lower), stopping on an empty page, on `has_more: false`, or — when
 * the envelope says nothing — on a short page. X-Total-Count only saves the final empty request;
 * it is never the sole reason to keep going.
 */
export async function* paginate<T>(
  fetchPage: (limit: number, offset: number) => Promise<DecodedList<T>>,
  options: PageOptions<T> = {},
): AsyncGenerator<T[], void, undefined> {
  const limit = clampPageSize(options.pageSize ?? MAX_PAGE_SIZE);
  let offset = options.startOffset ?? 0;
  let previousFirst: string | null = null;
  for (;;) {
    if (options.signal?.aborted) throw new AppError({ code: 'cancelled', message: 'The request was cancelled.' });
    const page = await fetchPage(limit, offset);
    if (page.items.length === 0) return;
    const first = page.items[0];
    if (options.keyOf && first !== undefined) {
      const key = options.keyOf(first);
      if (key === previousFirst) {
        throw new AppError({
          code: 'bad_response',
          message: `The server returned the same page twice (it seems to ignore offset ${offset}).`,
        });
      }
      previousFirst = key;
    }
    yield page.items;
    offset += page.items.length;
    const hasMore = page.pagination?.has_more;
    if (hasMore === false) return;
    if (hasMore === undefined && page.items.length < limit) return;
    if (hasMore === undefined && page.total !== null && offset >= page.total) return;
  }
}

export function clampPageSize(size: number): number {
  if (!Number.isFinite(size)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

/** Drains a pager into one array. */
export async function collectAll<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}
