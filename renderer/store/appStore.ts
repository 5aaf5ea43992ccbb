import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState';
import { createBrowseSlice } from './browseSlice';
import { createConnectionSlice } from './connectionSlice';
import { createDatasetsSlice } from './datasetsSlice';
import type { Theme } from './uiSlice';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

/** A vanilla store (no React), so unit tests under Node drive the very same slices. */
export function createAppStore(initialTheme: Theme = 'dark'): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createDatasetsSlice(...args),
    ...createUiSlice(initialTheme)(...args),
    ...createBrowseSlice(...args),
  }));
}
