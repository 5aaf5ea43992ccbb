import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState';
import { createBrowseSlice } from './browseSlice';
import { createConnectionSlice } from './connectionSlice';
import { createDatasetsSlice } from './datasetsSlice';
import { createExportsSlice } from './exportsSlice';
import { createNotesSlice } from './notesSlice';
import { createSyncSlice } from './syncSlice';
import { createToastSlice } from './toastSlice';
import type { ThemePreference } from '../../shared/ipc';
import type { Theme } from './uiSlice';
import { createUiSlice } from './uiSlice';
import { createUploadsSlice } from './uploadsSlice';

export type AppStore = StoreApi<AppState>;

/**
 * A vanilla store (no React), so unit tests under Node drive the very same slices.
 * `systemTheme` is what the OS asks for; the preference ('system' by default) decides.
 */
export function createAppStore(systemTheme: Theme = 'dark', themePreference: ThemePreference = 'system'): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createDatasetsSlice(...args),
    ...createUiSlice(systemTheme, themePreference)(...args),
    ...createBrowseSlice(...args),
    ...createToastSlice(...args),
    ...createExportsSlice(...args),
    ...createUploadsSlice(...args),
    ...createNotesSlice(...args),
    ...createSyncSlice(...args),
  }));
}
