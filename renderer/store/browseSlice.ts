import type { StateCreator } from 'zustand';
import type { BrowseState, BrowseView, CatalogQuery } from '../../shared/ipc';
import type { AppState } from './appState';

export const DEFAULT_BROWSE_QUERY: CatalogQuery = { sort: 'filename', descending: false };

/**
 * What the dataset browser shows, per dataset: the query (filters + sort) and grid or list. The
 * viewer's next/previous walks the same query, so browsing and reviewing share one order.
 * Persisted in main (`browse:saveState`) so it survives restarts.
 */
export interface BrowseSlice {
  browse: Record<string, BrowseState>;

  browseStateLoaded(datasetId: string, state: BrowseState): void;
  browseQueryChanged(datasetId: string, query: CatalogQuery): void;
  browseViewChanged(datasetId: string, view: BrowseView): void;
}

const current = (state: AppState, datasetId: string): BrowseState =>
  state.browse[datasetId] ?? { query: DEFAULT_BROWSE_QUERY, view: 'grid' };

export const createBrowseSlice: StateCreator<AppState, [], [], BrowseSlice> = (set) => ({
  browse: {},

  browseStateLoaded: (datasetId, loaded) => set((state) => ({ browse: { ...state.browse, [datasetId]: loaded } })),
  browseQueryChanged: (datasetId, query) =>
    set((state) => ({ browse: { ...state.browse, [datasetId]: { ...current(state, datasetId), query } } })),
  browseViewChanged: (datasetId, view) =>
    set((state) => ({ browse: { ...state.browse, [datasetId]: { ...current(state, datasetId), view } } })),
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
