import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { CloseIcon } from './icons';
import './Modal.css';

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea, [tabindex="0"]';

/**
 * A modal <dialog> (the exports panel, settings, confirmations): the page behind is inert, Tab
 * cycles inside, Escape closes, no key reaches the shortcuts underneath, and focus returns to
 * whatever opened it. `initialFocus` names the element to focus first (by test id), else the first field.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  size = 'medium',
  icon,
  initialFocus,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId: string;
  size?: 'small' | 'medium' | 'large';
  icon?: ReactNode;
  initialFocus?: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocus
      ? dialog.querySelector<HTMLElement>(`[data-testid="${initialFocus}"]`)
      : dialog.querySelector<HTMLElement>('.modal__body ' + FOCUSABLE.split(', ').join(', .modal__body '));
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus({ preventScroll: true });
    };
    // Opening is a one-time effect: the initial focus must not jump while the user types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The dialog owns the keyboard: window's shortcut dispatcher must not act behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      <header className="modal__header">
        {icon}
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="btn btn--ghost btn--small btn--icon"
          onClick={onClose}
          aria-label={`Close ${title}`}
          data-testid={`${testId}.close`}
        >
          <CloseIcon size={14} />
        </button>
      </header>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}
