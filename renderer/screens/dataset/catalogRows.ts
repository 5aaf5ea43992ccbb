import type { ImageMeta } from '../../../shared/api';
import type { CatalogIndexStatus, CatalogPage, CatalogQuery, IpcError, IpcResult } from '../../../shared/ipc';
import { PageCache } from './pageCache';

export type FetchPage = (
  datasetId: string,
  query: CatalogQuery,
  offset: number,
  limit: number,
) => Promise<IpcResult<CatalogPage>>;

/** Rows a page; a 1080p grid shows ~40 tiles, a list ~25 rows, so one page covers several screens. */
export const ROWS_PER_PAGE = 250;
/** At most this many page requests at once: a fling past 50,000 rows fetches where it stops, not everything between. */
export const MAX_PAGES_IN_FLIGHT = 2;

export interface RowsSnapshot {
  state: 'loading' | 'ready' | 'failed';
  /** Rows matching the query (null until the first page answered). */
  total: number | null;
  error: IpcError | null;
  index: CatalogIndexStatus | null;
  /** With a class filter: images whose annotations are on this computer (the filter sees only those). */
  annotationsKnown?: number | undefined;
}

/**
 * One query's rows for the virtual grid and list: the view says which rows it shows (`want`),
 * this fetches only the pages still missing for the latest such range, at most two at a time,
 * and tells subscribers when rows arrive. A source belongs to one dataset + query; a new query
 * gets a new source, and `dispose` makes answers for the old one vanish.
 */
export class CatalogRows {
  readonly cache: PageCache;
  private wanted: [number, number] = [0, 0];
  private listeners = new Set<() => void>();
  private disposed = false;
  private version = 0;
  /** Bumped by refresh(): answers to requests made before it are dropped. */
  private generation = 0;
  private snapshot: RowsSnapshot = { state: 'loading', total: null, error: null, index: null };

  constructor(
    readonly datasetId: string,
    readonly query: CatalogQuery,
    private readonly fetchPage: FetchPage,
    pageSize = ROWS_PER_PAGE,
  ) {
    this.cache = new PageCache(pageSize);
  }

  row(index: number): ImageMeta | undefined {
    return this.cache.get(index);
  }

  get state(): RowsSnapshot {
    return this.snapshot;
  }

  /**
   * Fetches the first page if no view asked for anything yet: the grid only mounts once the
   * total is known, so someone has to ask first.
   */
  start(): void {
    this.pump();
  }

  /** The view shows rows [first, last] (overscan included). */
  want(first: number, last: number): void {
    this.wanted = [Math.max(0, first), Math.max(0, last)];
    this.pump();
  }

  /** Asks again for what failed (the error panel's "Try again"). */
  retry(): void {
    this.update({ ...this.snapshot, state: this.snapshot.total === null ? 'loading' : 'ready', error: null });
    this.pump();
  }

  /** The catalog changed (an index finished, a revalidation): refetch what is in view, keep showing the rest. */
  refresh(): void {
    if (this.disposed) return;
    this.generation += 1;
    this.cache.invalidate();
    if (this.snapshot.error)
      this.update({ ...this.snapshot, state: this.snapshot.total === null ? 'loading' : 'ready', error: null });
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private pump(): void {
    if (this.disposed || this.snapshot.error) return;
    const [first, last] = this.wanted;
    for (const offset of this.cache.missing(first, last)) {
      if (this.cache.pendingPages >= MAX_PAGES_IN_FLIGHT) break;
      this.cache.begin(offset);
      const generation = this.generation;
      void this.fetchPage(this.datasetId, this.query, offset, this.cache.pageSize).then((result) => {
        if (this.disposed || generation !== this.generation) return;
        if (result.ok) {
          this.cache.loaded(offset, result.value.items, result.value.total);
          this.update({
            state: 'ready',
            total: result.value.total,
            error: null,
            index: result.value.index,
            annotationsKnown: result.value.annotationsKnown,
          });
        } else {
          this.cache.failed(offset);
          this.update({
            ...this.snapshot,
            state: this.snapshot.total === null ? 'failed' : 'ready',
            error: result.error,
          });
        }
        this.pump();
      });
    }
  }

  private update(next: RowsSnapshot): void {
    this.snapshot = next;
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
