import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { formatShortcut } from '../../actions/keys';
import { actionRegistry } from '../../actions/registry';
import type { ActionGroup } from '../../actions/types';
import { useRegisteredActions } from '../../actions/useRegisterActions';
import { CloseIcon, KeyboardIcon } from '../../components/icons';

const GROUP_ORDER: ActionGroup[] = ['Go', 'View', 'Image', 'Edit', 'File', 'Help'];

/**
 * Every shortcut the current screen answers to, read from the registry (so it can never list a
 * key that does nothing). A modal <dialog>: the page behind is inert, Tab cycles inside, Escape
 * closes, and no key reaches the shortcuts underneath while it is open.
 */
export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const actions = useRegisteredActions().filter((action) => action.keys.length > 0);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The dialog owns the keyboard: stopping here keeps window's shortcut dispatcher out of it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]')];
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

  const groups = GROUP_ORDER.map((group) => ({
    group,
    items: actions.filter((action) => action.group === group),
  })).filter((entry) => entry.items.length > 0);
  return (
    <dialog
      ref={dialogRef}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="shortcuts.dialog"
    >
      <header className="shortcuts__header">
        <KeyboardIcon size={18} />
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="btn btn--ghost btn--small btn--icon"
          onClick={onClose}
          aria-label="Close keyboard shortcuts"
          data-testid="shortcuts.close"
        >
          <CloseIcon size={14} />
        </button>
      </header>
      <div className="shortcuts__body" tabIndex={0} aria-label="Shortcut list">
        {groups.map(({ group, items }) => (
          <section key={group} className="shortcuts__group">
            <h3>{group}</h3>
            <dl>
              {items.map((action) => (
                <div key={action.id} className="shortcuts__row" data-testid="shortcuts.row" data-action={action.id}>
                  <dt>{action.label}</dt>
                  <dd>
                    {action.keys.map((keys) => (
                      <kbd key={keys}>{formatShortcut(keys, actionRegistry.isMac)}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
