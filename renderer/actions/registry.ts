import type { KeyEventLike } from './keys';
import { detectMac, matchesShortcut } from './keys';
import type { Action } from './types';

/** The parts of a keydown event the dispatcher reads (a real KeyboardEvent in the app). */
export interface DispatchEvent extends KeyEventLike {
  target: unknown;
  defaultPrevented: boolean;
  isComposing?: boolean;
  preventDefault(): void;
}

export interface ActionRegistry {
  /** Adds actions until the returned function is called. Later registrations win a shared key. */
  register(actions: readonly Action[]): () => void;
  /** Every registered action, oldest first (one entry per id: the newest registration). */
  list(): Action[];
  /** Runs an action by id if it is registered and enabled; false otherwise. */
  run(id: string): boolean;
  isEnabled(action: Action): boolean;
  /** Handles one keydown; true when an action ran (and the event's default was prevented). */
  dispatch(event: DispatchEvent): boolean;
  /** Notified after every register/unregister (the shortcuts overlay re-reads `list()`). */
  subscribe(listener: () => void): () => void;
  /** A number that changes on every register/unregister (for useSyncExternalStore). */
  version(): number;
  readonly isMac: boolean;
}

/** Input types whose keystrokes are text, not shortcuts. Checkbox, radio and buttons are not. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);

interface EditableLike {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
}

/**
 * Keys typed in a text field belong to the field: 'd' in the filename filter must not jump to
 * the next image. Only Escape still reaches the actions (close, go back).
 */
export function isTextEntryTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as EditableLike;
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text';
  return !NON_TEXT_INPUTS.has(type);
}

export function createActionRegistry(options: { isMac?: boolean } = {}): ActionRegistry {
  const isMac = options.isMac ?? detectMac();
  // Registration order matters: a screen mounted later (a dialog over the browser) wins a key.
  let entries: { token: number; action: Action }[] = [];
  let nextToken = 1;
  let changes = 0;
  const listeners = new Set<() => void>();

  const changed = () => {
    changes += 1;
    for (const listener of [...listeners]) listener();
  };

  const isEnabled = (action: Action): boolean => {
    if (!action.enabled) return true;
    try {
      return action.enabled();
    } catch {
      // A broken enabled() must not take every shortcut down with it.
      return false;
    }
  };

  const newestFirst = () => [...entries].reverse().map((entry) => entry.action);

  const registry: ActionRegistry = {
    isMac,
    register(actions) {
      const token = nextToken++;
      entries = [...entries, ...actions.map((action) => ({ token, action }))];
      changed();
      return () => {
        const before = entries.length;
        entries = entries.filter((entry) => entry.token !== token);
        if (entries.length !== before) changed();
      };
    },
    list() {
      const seen = new Set<string>();
      const unique: Action[] = [];
      for (const action of newestFirst()) {
        if (seen.has(action.id)) continue;
        seen.add(action.id);
        unique.push(action);
      }
      return unique.reverse();
    },
    run(id) {
      const action = newestFirst().find((candidate) => candidate.id === id);
      if (!action || !isEnabled(action)) return false;
      action.run();
      return true;
    },
    isEnabled,
    dispatch(event) {
      // A component that handled the key itself (the grid's arrow keys) already said so.
      if (event.defaultPrevented || event.isComposing === true) return false;
      if (event.key !== 'Escape' && isTextEntryTarget(event.target)) return false;
      for (const action of newestFirst()) {
        if (!action.keys.some((keys) => matchesShortcut(keys, event, isMac))) continue;
        if (!isEnabled(action)) continue;
        event.preventDefault();
        action.run();
        return true;
      }
      return false;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => changes,
  };
  return registry;
}

/** The app's one registry: every shortcut, toolbar button and (later) the desktop menu. */
export const actionRegistry = createActionRegistry();

/** Where the dispatcher listens: `window` in the app (typed structurally so Node tests compile). */
export interface KeydownTarget {
  addEventListener(type: 'keydown', listener: (event: DispatchEvent) => void): void;
  removeEventListener(type: 'keydown', listener: (event: DispatchEvent) => void): void;
}

/**
 * The ONE keydown listener for shortcuts (bubble phase, so a focused widget that handles a key
 * and calls preventDefault keeps it). Returns the remover; App installs it once on window.
 */
export function installKeyDispatcher(target: KeydownTarget, registry: ActionRegistry = actionRegistry): () => void {
  const onKeyDown = (event: DispatchEvent) => {
    registry.dispatch(event);
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
