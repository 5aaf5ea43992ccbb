import type { StateCreator } from 'zustand';
import type { IpcError } from '../../shared/ipc';
import type { AppState } from './appState';

/** A failure worth telling about that has no screen of its own to show it (a background call). */
export interface Toast {
  id: number;
  /** What was being done: "Could not save the browser's filters". */
  title: string;
  error: IpcError;
}

/** Older toasts give way: a burst of failures must not cover the screen. */
export const MAX_TOASTS = 4;

export interface ToastSlice {
  toasts: Toast[];
  toastShown(title: string, error: IpcError): number;
  toastDismissed(id: number): void;
}

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set, get) => {
  let nextId = 1;
  return {
    toasts: [],
    toastShown: (title, error) => {
      // The same failure again (a retry loop) is one toast, not a stack of copies.
      const same = get().toasts.find((t) => t.title === title && t.error.code === error.code);
      if (same) return same.id;
      const id = nextId++;
      set((state) => ({ toasts: [...state.toasts, { id, title, error }].slice(-MAX_TOASTS) }));
      return id;
    },
    toastDismissed: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  };
};
