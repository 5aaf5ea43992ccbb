import { useEffect, useRef } from 'react';
import { formatShortcut } from '../actions/keys';
import { actionRegistry } from '../actions/registry';
import { useRegisteredActions } from '../actions/useRegisterActions';
import './ContextMenu.css';

export interface ContextMenuProps {
  /** Viewport coordinates of the top-left corner (kept inside the window). */
  at: { x: number; y: number };
  /** Registry action ids in order; null draws a separator. An id not registered is left out. */
  actionIds: readonly (string | null)[];
  label: string;
  testId: string;
  onClose(): void;
}

const MENU_WIDTH = 240;

/**
 * An in-app context menu built from registry actions (issue 12 item 3), so an entry is enabled,
 * labelled and runs exactly like its shortcut and its application-menu item. Focus moves into it;
 * arrow keys move, Enter runs, Escape, Tab or a click elsewhere closes.
 */
export function ContextMenu({ at, actionIds, label, testId, onClose }: ContextMenuProps) {
  const actions = useRegisteredActions();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  const left = Math.max(0, Math.min(at.x, window.innerWidth - MENU_WIDTH));
  const top = Math.max(0, Math.min(at.y, window.innerHeight - 32 * actionIds.length));
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      data-testid={testId}
      style={{ left, top }}
      onKeyDown={(event) => {
        // The menu's keys are its own: 'Enter' must not also reach the registry's dispatcher.
        event.stopPropagation();
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'Escape' || event.key === 'Tab') onClose();
        else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
        else return;
        event.preventDefault();
      }}
    >
      {actionIds.map((id, i) => {
        if (id === null) return <hr key={`separator-${i}`} className="context-menu__separator" />;
        const action = actions.find((candidate) => candidate.id === id);
        if (!action) return null;
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            className="context-menu__item"
            data-testid={`${testId}.${id}`}
            disabled={!actionRegistry.isEnabled(action)}
            onClick={() => {
              onClose();
              actionRegistry.run(id);
            }}
          >
            <span>{action.label}</span>
            {action.keys[0] ? <kbd>{formatShortcut(action.keys[0], actionRegistry.isMac)}</kbd> : null}
          </button>
        );
      })}
    </div>
  );
}
