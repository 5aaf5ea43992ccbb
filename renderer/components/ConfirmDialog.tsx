import type { ReactNode } from 'react';
import { Modal } from './Modal';
import { Spinner } from './Spinner';

/**
 * "Are you sure?" for what cannot be undone (revoking a key, deleting an export). Focus starts on
 * Cancel, so Enter pressed by habit does not destroy anything.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
}) {
  return (
    <Modal title={title} onClose={onCancel} testId={testId} size="small" initialFocus={`${testId}.cancel`}>
      <div className="modal__text">{children}</div>
      <div className="modal__actions">
        <button type="button" className="btn btn--small" onClick={onCancel} data-testid={`${testId}.cancel`}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--small btn--danger"
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy}
          data-testid={`${testId}.confirm`}
        >
          {busy ? <Spinner size={13} /> : null}
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
