import type { StateCreator } from 'zustand';
import type { AppState } from './appState';

/** Good news from background work ("Export ready"): calm, dismissable, never an error. */
export interface Note {
  id: number;
  title: string;
  message: string;
  /** Where the news is about, so the note can offer to go there. */
  datasetId?: string;
}

/** Older notes give way, like toasts. */
export const MAX_NOTES = 3;

export interface NotesSlice {
  notes: Note[];
  noteShown(note: Omit<Note, 'id'>): number;
  noteDismissed(id: number): void;
}

export const createNotesSlice: StateCreator<AppState, [], [], NotesSlice> = (set) => {
  let nextId = 1;
  return {
    notes: [],
    noteShown: (note) => {
      const id = nextId++;
      set((state) => ({ notes: [...state.notes, { ...note, id }].slice(-MAX_NOTES) }));
      return id;
    },
    noteDismissed: (id) => set((state) => ({ notes: state.notes.filter((n) => n.id !== id) })),
  };
};
