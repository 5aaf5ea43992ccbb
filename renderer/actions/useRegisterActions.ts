import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { ActionRegistry } from './registry';
import { actionRegistry } from './registry';
import { effectiveKeys, keymapStore } from './keymap';
import type { Action } from './types';

/**
 * Registers actions while the calling component is mounted. The registered objects delegate to
 * the latest render's actions, so `run`/`enabled` closures see fresh state without
 * re-registering (which would reorder priorities) on every render. Re-registers only when the
 * set of ids or keys changes.
 */
export function useRegisterActions(actions: readonly Action[], registry: ActionRegistry = actionRegistry): void {
  const latest = useRef(actions);
  // Runs before any effect or event after this render, so the delegates never see stale actions.
  useLayoutEffect(() => {
    latest.current = actions;
  });
  // The user's remapped keys (settings) replace the defaults; a change re-registers.
  const keymapVersion = useSyncExternalStore(keymapStore.subscribe, keymapStore.version);
  const signature = actions.map((action) => `${action.id}=${action.keys.join(',')}`).join('|') + `#${keymapVersion}`;

  useEffect(() => {
    const find = (id: string) => latest.current.find((action) => action.id === id);
    const stable: Action[] = latest.current.map((action) => ({
      id: action.id,
      label: action.label,
      group: action.group,
      keys: effectiveKeys(action, keymapStore.get()),
      enabled: () => {
        const current = find(action.id);
        return current ? (current.enabled ? current.enabled() : true) : false;
      },
      run: () => find(action.id)?.run(),
    }));
    return registry.register(stable);
  }, [signature, registry]);
}

/** Every registered action, re-read whenever something registers or unregisters. */
export function useRegisteredActions(registry: ActionRegistry = actionRegistry): Action[] {
  useSyncExternalStore(registry.subscribe, registry.version);
  return registry.list();
}
