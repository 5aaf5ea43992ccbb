import { useState } from 'react';
import { Modal } from '../../../components/Modal';

/** A 412 / sync conflict (issue 9 item 6): a clear choice, nothing decided for the user. */
export function ConflictDialog({ onChoose, onClose }: { onChoose(choice: 'mine' | 'theirs'): void; onClose(): void }) {
  return (
    <Modal title="Someone else changed these annotations" onClose={onClose} testId="editor.conflict" size="small">
      <p>
        A colleague saved this image after you started editing it, and their changes touch the same annotations as
        yours. Choose which version to keep.
      </p>
      <div className="modal__actions">
        <button type="button" className="btn" data-testid="editor.conflict.theirs" onClick={() => onChoose('theirs')}>
          Reload theirs (discard mine)
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="editor.conflict.mine"
          onClick={() => onChoose('mine')}
        >
          Keep mine
        </button>
      </div>
    </Modal>
  );
}

/** Request changes with a note (issue 9 item 4). */
export function RequestChangesDialog({ onSubmit, onClose }: { onSubmit(note: string): void; onClose(): void }) {
  const [note, setNote] = useState('');
  const tooLong = note.length > 2000;
  return (
    <Modal
      title="Request changes"
      onClose={onClose}
      testId="review.requestDialog"
      size="small"
      initialFocus="review.note"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooLong && note.trim().length > 0) onSubmit(note.trim());
        }}
      >
        <label htmlFor="review-note">What needs to change?</label>
        <textarea
          id="review-note"
          data-testid="review.note"
          rows={4}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={tooLong}
        />
        {tooLong ? <p role="alert">The note is limited to 2,000 characters.</p> : null}
        <div className="modal__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn--primary"
            data-testid="review.submitRequest"
            disabled={tooLong || note.trim().length === 0}
          >
            Request changes
          </button>
        </div>
      </form>
    </Modal>
  );
}
