import type { BrowseSlice } from './browseSlice';
import type { ConnectionSlice } from './connectionSlice';
import type { DatasetsSlice } from './datasetsSlice';
import type { ExportsSlice } from './exportsSlice';
import type { NotesSlice } from './notesSlice';
import type { SyncSlice } from './syncSlice';
import type { ToastSlice } from './toastSlice';
import type { UiSlice } from './uiSlice';
import type { UploadsSlice } from './uploadsSlice';

/** The one store's shape: the slices side by side (design §4: one store from typed slices). */
export type AppState = ConnectionSlice &
  DatasetsSlice &
  UiSlice &
  BrowseSlice &
  ToastSlice &
  ExportsSlice &
  UploadsSlice &
  NotesSlice &
  SyncSlice;
