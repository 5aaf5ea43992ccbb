import { CheckIcon, CloseIcon } from './icons';
import { appStore, useAppStore } from '../store/useAppStore';
import './Notes.css';

/**
 * Good news from background work ("Export ready"), top right so it covers neither the error toasts
 * nor the upload queue at the bottom. Polite for screen readers; each stays until dismissed, like toasts.
 */
export function Notes() {
  const notes = useAppStore((state) => state.notes);
  return (
    <div className="notes" aria-live="polite" data-testid="notes">
      {notes.map((note) => (
        <div key={note.id} className="note" role="status" data-testid="note">
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
      ))}
    </div>
  );
}
