import type { StateCreator } from 'zustand';
import type { IpcError, UploadBatchView, UploadItemView, UploadQueueView } from '../../shared/ipc';
import type { AppState } from './appState';

/** Dropped or picked files waiting for the user to confirm (and choose what a duplicate name does). */
export interface UploadDraft {
  datasetId: string;
  /** Absolute paths of the files and folders; main expands the folders. */
  paths: string[];
  /** "12 files from “photos”". */
  description: string;
  /** What was left out and why (no path on disk, hidden files, unreadable folders). */
  notes: string[];
}

export interface UploadsSlice {
  /** The queue main keeps (persisted there), mirrored from `uploads:list` and `event:upload`. */
  uploadBatches: Record<string, UploadBatchView>;
  uploadItems: Record<string, UploadItemView>;
  uploadsLoaded(view: UploadQueueView): void;
  uploadChanged(change: { batch: UploadBatchView; item: UploadItemView }): void;
  uploadDraft: UploadDraft | null;
  uploadDrafted(draft: UploadDraft | null): void;
  /** A picker that failed (the toolbar button has no room to say so; the area under the browser has). */
  uploadPickError: IpcError | null;
  uploadPickFailed(error: IpcError | null): void;
}

export const createUploadsSlice: StateCreator<AppState, [], [], UploadsSlice> = (set) => ({
  uploadBatches: {},
  uploadItems: {},
  // A full listing replaces everything: cleared batches are gone from it.
  uploadsLoaded: (view) =>
    set({
      uploadBatches: Object.fromEntries(view.batches.map((b) => [b.id, b])),
      uploadItems: Object.fromEntries(view.items.map((i) => [i.id, i])),
    }),
  uploadChanged: ({ batch, item }) =>
    set((state) => ({
      uploadBatches: { ...state.uploadBatches, [batch.id]: batch },
      uploadItems: { ...state.uploadItems, [item.id]: item },
    })),
  uploadDraft: null,
  uploadDrafted: (draft) => set({ uploadDraft: draft, uploadPickError: null }),
  uploadPickError: null,
  uploadPickFailed: (error) => set({ uploadPickError: error }),
});
