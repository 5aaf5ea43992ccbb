import type { StateCreator } from 'zustand';
import type { BrowseState, BrowseView, CatalogIndexStatus, CatalogQuery } from '../../shared/ipc';
import type { AppState } from './appState';

export const DEFAULT_BROWSE_QUERY: CatalogQuery = { sort: 'filename', descending: false };

/**
 * What the dataset browser shows, per dataset: the query (filters + sort) and grid or list. The
 * viewer's next/previous walks the same query, so browsing and reviewing share one order.
 * Persisted in main (`browse:saveState`) so it survives restarts. Also the catalog's indexing
 * progress per dataset (from `event:catalog-index`), shown by the browser and the status bar.
 */
export interface BrowseSlice {
  browse: Record<string, BrowseState>;
  /** Which datasets' saved state has been asked for (so a late answer never overwrites a choice). */
  browseRestored: Record<string, true>;
  catalogIndex: Record<string, CatalogIndexStatus>;
  /** Counts `event:catalog-changed` per dataset: the browser refetches what it shows when it moves. */
  catalogChanges: Record<string, number>;

  browseStateLoaded(datasetId: string, state: BrowseState): void;
  /** The saved state arrived (or there was none): only applied if the user has not chosen yet. */
  browseStateRestored(datasetId: string, state: BrowseState | null): void;
  browseQueryChanged(datasetId: string, query: CatalogQuery): void;
  browseViewChanged(datasetId: string, view: BrowseView): void;
  catalogIndexChanged(status: CatalogIndexStatus): void;
  catalogImagesChanged(datasetId: string): void;
}

const current = (state: AppState, datasetId: string): BrowseState =>
  state.browse[datasetId] ?? { query: DEFAULT_BROWSE_QUERY, view: 'grid' };

export const createBrowseSlice: StateCreator<AppState, [], [], BrowseSlice> = (set) => ({
  browse: {},
  browseRestored: {},
  catalogIndex: {},
  catalogChanges: {},

  browseStateLoaded: (datasetId, loaded) =>
    set((state) => ({
      browse: { ...state.browse, [datasetId]: loaded },
      browseRestored: { ...state.browseRestored, [datasetId]: true },
    })),
  browseStateRestored: (datasetId, loaded) =>
    set((state) => {
      const restored = { ...state.browseRestored, [datasetId]: true as const };
      if (state.browseRestored[datasetId] || state.browse[datasetId] || !loaded) return { browseRestored: restored };
      return { browse: { ...state.browse, [datasetId]: loaded }, browseRestored: restored };
    }),
  browseQueryChanged: (datasetId, query) =>
    set((state) => ({ browse: { ...state.browse, [datasetId]: { ...current(state, datasetId), query } } })),
  browseViewChanged: (datasetId, view) =>
    set((state) => ({ browse: { ...state.browse, [datasetId]: { ...current(state, datasetId), view } } })),
  catalogIndexChanged: (status) =>
    set((state) => ({ catalogIndex: { ...state.catalogIndex, [status.datasetId]: status } })),
  catalogImagesChanged: (datasetId) =>
    set((state) => ({
      catalogChanges: { ...state.catalogChanges, [datasetId]: (state.catalogChanges[datasetId] ?? 0) + 1 },
    })),
});

/** The dataset's current query (the default until one is loaded or chosen). */
export const selectBrowseQuery =
  (datasetId: string) =>
  (state: AppState): CatalogQuery =>
    state.browse[datasetId]?.query ?? DEFAULT_BROWSE_QUERY;

export const selectBrowseView =
  (datasetId: string) =>
  (state: AppState): BrowseView =>
    state.browse[datasetId]?.view ?? 'grid';

export const selectBrowseRestored =
  (datasetId: string) =>
  (state: AppState): boolean =>
    state.browseRestored[datasetId] === true;

export const selectCatalogIndex =
  (datasetId: string) =>
  (state: AppState): CatalogIndexStatus | null =>
    state.catalogIndex[datasetId] ?? null;

export const selectCatalogChanges =
  (datasetId: string) =>
  (state: AppState): number =>
    state.catalogChanges[datasetId] ?? 0;

/** The dataset being indexed right now, if any (the status bar shows one at a time). */
export function selectActiveIndexing(state: AppState): CatalogIndexStatus | null {
  return Object.values(state.catalogIndex).find((status) => status.state === 'indexing') ?? null;
}
