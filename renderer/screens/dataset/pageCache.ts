import type { ImageMeta } from '../../../shared/api';

/**
 * The rows of one query, fetched a page at a time as they scroll into view. Pages are keyed by
 * their offset; a new query means a new cache (the owner drops this one), so answers for an old
 * query can never land in the new one. Memory is bounded: past `maxPages` the least recently used
 * page is dropped and simply fetched again if it comes back into view.
 */
export class PageCache {
  private readonly pages = new Map<number, ImageMeta[]>();
  private readonly inFlight = new Set<number>();
  /** Pages still shown but known to be out of date (the catalog changed): fetched again when in view. */
  private readonly stale = new Set<number>();
  /** Total rows matching the query, once the first page answered. */
  total: number | null = null;

  constructor(
    readonly pageSize: number,
    readonly maxPages = 64,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      throw new RangeError(`page size must be 1…1000 (the catalog's limit), got ${pageSize}`);
    }
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  get(index: number): ImageMeta | undefined {
    const offset = this.pageOffset(index);
    const page = this.pages.get(offset);
    if (!page) return undefined;
    // Touch: Map keeps insertion order, so re-inserting marks the page most recently used.
    this.pages.delete(offset);
    this.pages.set(offset, page);
    return page[index - offset];
  }

  pageOffset(index: number): number {
    return Math.floor(Math.max(0, index) / this.pageSize) * this.pageSize;
  }

  /**
   * Offsets of the pages covering rows [first, last] that are neither loaded nor being fetched.
   * Once the total is known nothing past it is asked for.
   */
  missing(first: number, last: number): number[] {
    if (last < first) return [];
    const end = this.total === null ? last : Math.min(last, this.total - 1);
    const offsets: number[] = [];
    for (let offset = this.pageOffset(first); offset <= end; offset += this.pageSize) {
      if ((!this.pages.has(offset) || this.stale.has(offset)) && !this.inFlight.has(offset)) offsets.push(offset);
    }
    return offsets;
  }

  /** Marks a page as being fetched so a second scroll event does not fetch it again. */
  begin(offset: number): void {
    this.inFlight.add(offset);
  }

  /**
   * The catalog changed under this query: keep showing every page (no flash of skeletons, no lost
   * scroll position) but fetch each again as it is in view. Requests in flight belong to the old
   * data; the owner ignores their answers.
   */
  invalidate(): void {
    for (const offset of this.pages.keys()) this.stale.add(offset);
    this.inFlight.clear();
    // The old total may be smaller than the new one (an index grew it from 0): do not stop at it.
    this.total = null;
  }

  /** Stores a page's rows and the query's total. */
  loaded(offset: number, items: ImageMeta[], total: number): void {
    this.inFlight.delete(offset);
    this.stale.delete(offset);
    this.total = total;
    this.pages.set(offset, items);
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
      this.stale.delete(oldest);
    }
  }

  /** A failed fetch: the page can be asked for again. */
  failed(offset: number): void {
    this.inFlight.delete(offset);
  }

  get loadedPages(): number {
    return this.pages.size;
  }

  get pendingPages(): number {
    return this.inFlight.size;
  }
}
