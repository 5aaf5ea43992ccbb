import type { Keymap } from '../../shared/ipc';
import { parseShortcut } from './keys';
import type { Action } from './types';

/** An action's keys after the user's remapping (issue 9 item 4): the keymap's, else its defaults. */
export function effectiveKeys(action: Pick<Action, 'id' | 'keys'>, keymap: Keymap): string[] {
  return keymap[action.id] ?? action.keys;
}

const normal = (shortcut: string) => shortcut.toLowerCase();

/**
 * Assigns `shortcut` to action `id`, replacing its keys. Refused (never silently stolen) when the
 * shortcut does not parse or another action already answers to it.
 */
export function assignShortcut(
  actions: readonly Pick<Action, 'id' | 'keys' | 'label'>[],
  keymap: Keymap,
  id: string,
  shortcut: string,
): { ok: true; keymap: Keymap } | { ok: false; reason: string } {
  if (!parseShortcut(shortcut)) return { ok: false, reason: `“${shortcut}” is not a shortcut` };
  const other = actions.find(
    (a) => a.id !== id && effectiveKeys(a, keymap).some((k) => normal(k) === normal(shortcut)),
  );
  if (other) return { ok: false, reason: `${shortcut} is already used by “${other.label}”` };
  return { ok: true, keymap: { ...keymap, [id]: [shortcut] } };
}

/** Back to the defaults for one action. */
export function resetShortcut(keymap: Keymap, id: string): Keymap {
  const next = { ...keymap };
  delete next[id];
  return next;
}

/** The shortcut string for a keydown (for press-to-record), or null for a lone modifier. */
export function shortcutOf(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean },
  isMac: boolean,
): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock'].includes(event.key)) return null;
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (isMac && event.ctrlKey) parts.push('Ctrl');
  if (!isMac && event.metaKey) parts.push('Meta');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  parts.push(key);
  return parts.join('+');
}

/** The app's current keymap (loaded from settings at start, changed by the keymap dialog). */
let current: Keymap = {};
let version = 0;
const listeners = new Set<() => void>();

export const keymapStore = {
  get: (): Keymap => current,
  version: (): number => version,
  set(next: Keymap): void {
    current = next;
    version++;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
