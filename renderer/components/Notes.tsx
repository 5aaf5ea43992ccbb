import { useEffect } from 'react';
import type { Note } from '../store/notesSlice';
import { CheckIcon, CloseIcon } from './icons';
import { appStore, useAppStore } from '../store/useAppStore';
import './Notes.css';

/**
 * Good news from background work ("Export ready"), top right so it covers neither the error toasts
 * nor the upload queue at the bottom. Polite for screen readers. Unlike error toasts a note leaves on
 * its own after NOTE_MS (what it says stays visible where it happened: the export's row, the OS
 * notification), so it never hides the toolbar for long.
 */
export function Notes() {
  const notes = useAppStore((state) => state.notes);
  return (
    <div className="notes" aria-live="polite" data-testid="notes">
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} />
      ))}
    </div>
  );
}

export const NOTE_MS = 10_000;

function NoteItem({ note }: { note: Note }) {
  useEffect(() => {
    const timer = window.setTimeout(() => appStore.getState().noteDismissed(note.id), NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [note.id]);
  return (
    <div className="note" role="status" data-testid="note">
      <CheckIcon size={16} className="note__icon" />
      <div className="note__body">
        <p className="note__title" data-testid="note.title">
          {note.title}
        </p>
        <p className="note__message" data-testid="note.message">
          {note.message}
        </p>
      </div>
      <button
        type="button"
        className="btn btn--ghost btn--small btn--icon"
        aria-label={`Dismiss: ${note.title}`}
        onClick={() => appStore.getState().noteDismissed(note.id)}
        data-testid="note.dismiss"
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
