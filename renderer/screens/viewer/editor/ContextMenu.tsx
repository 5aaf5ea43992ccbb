import { useEffect, useRef } from 'react';
import { formatShortcut } from '../../../actions/keys';
import { actionRegistry } from '../../../actions/registry';
import { useRegisteredActions } from '../../../actions/useRegisterActions';
import { CONTEXT_MENU_ACTIONS } from '../../../editor/actions/editorActions';

/**
 * The context menu on annotations (right-click, the context-menu key, Shift+F10), built from the
 * same registry actions as the shortcuts: a disabled action is a disabled entry. Arrow keys move,
 * Enter runs, Escape or a click elsewhere closes.
 */
export function ContextMenu({ at, onClose }: { at: { x: number; y: number }; onClose(): void }) {
  const actions = useRegisteredActions();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="editor-menu"
      role="menu"
      aria-label="Annotation actions"
      data-testid="editor.contextMenu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => {
        event.stopPropagation();
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'Escape') onClose();
        else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
        else return;
        event.preventDefault();
      }}
    >
      {CONTEXT_MENU_ACTIONS.map((id, i) => {
        if (id === null) return <hr key={`sep${i}`} className="editor-menu__separator" />;
        const action = actions.find((candidate) => candidate.id === id);
        if (!action) return null;
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            className="editor-menu__item"
            data-testid={`editor.menu.${id}`}
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
