import { useEffect, useState, useSyncExternalStore } from 'react';
import { callApi } from '../api/bridge';
import { formatShortcut } from '../actions/keys';
import { assignShortcut, effectiveKeys, keymapStore, resetShortcut, shortcutOf } from '../actions/keymap';
import { actionRegistry } from '../actions/registry';
import type { Action } from '../actions/types';
import { useRegisteredActions } from '../actions/useRegisterActions';
import { Modal } from './Modal';

/** Loads the saved keymap once (settings:get); a failure keeps the defaults. */
export async function loadKeymap(): Promise<void> {
  const settings = await callApi((api) => api.settings.get({}));
  if (settings.ok && settings.value.keymap) keymapStore.set(settings.value.keymap);
}

/**
 * Keyboard shortcuts (issue 9 item 4): every registered action with its keys, plus `catalog` (actions
 * of screens not open now, e.g. the editor's when opened from Settings); "Change" records the next
 * key pressed, a key another action already uses is refused with the reason, and the keymap is saved
 * in settings (main validates it again, conflicts included).
 */
export function KeymapDialog({ onClose, catalog = [] }: { onClose(): void; catalog?: readonly Action[] }) {
  const registered = useRegisteredActions();
  const known = new Set(registered.map((a) => a.id));
  // Registered first (they are what the keys do now); a catalogued action is listed once.
  const actions = [...registered, ...catalog.filter((a) => !known.has(a.id))];
  // The saved keymap, also when the dialog opens before any screen loaded it (from Settings).
  useEffect(() => void loadKeymap(), []);
  const keymap = useSyncExternalStore(keymapStore.subscribe, keymapStore.get);
  const [recording, setRecording] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const save = async (next: typeof keymap) => {
    const result = await callApi((api) => api.settings.update({ keymap: next }));
    if (result.ok) {
      keymapStore.set(result.value.keymap ?? {});
      setMessage(null);
    } else setMessage(`Not saved: ${result.error.message}`);
  };

  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="keymap" size="large">
      {message ? (
        <p role="alert" className="keymap__message" data-testid="keymap.message">
          {message}
        </p>
      ) : null}
      <table className="keymap__table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id} data-testid={`keymap.row.${action.id}`}>
              <td>{action.label}</td>
              <td>
                {effectiveKeys(action, keymap)
                  .map((k) => formatShortcut(k, actionRegistry.isMac))
                  .join(', ') || '—'}
              </td>
              <td>
                {recording === action.id ? (
                  <button
                    type="button"
                    className="btn btn--small btn--primary"
                    data-testid={`keymap.record.${action.id}`}
                    autoFocus
                    onKeyDown={(event) => {
                      event.preventDefault();
                      event.stopPropagation();
                      if (event.key === 'Escape') return setRecording(null);
                      const shortcut = shortcutOf(event, actionRegistry.isMac);
                      if (!shortcut) return;
                      setRecording(null);
                      const assigned = assignShortcut(actions, keymap, action.id, shortcut);
                      if (!assigned.ok) setMessage(assigned.reason);
                      else void save(assigned.keymap);
                    }}
                  >
                    Press a key…
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      data-testid={`keymap.change.${action.id}`}
                      aria-label={`Change the shortcut of ${action.label}`}
                      onClick={() => setRecording(action.id)}
                    >
                      Change
                    </button>
                    {keymap[action.id] ? (
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={`Reset the shortcut of ${action.label}`}
                        onClick={() => void save(resetShortcut(keymap, action.id))}
                      >
                        Reset
                      </button>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
