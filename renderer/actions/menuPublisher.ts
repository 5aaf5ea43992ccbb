import type { ActionDescriptor } from '../../shared/ipc';
import { ACTION_GROUPS, actionIdSchema, MAX_MENU_ACTIONS } from '../../shared/ipc';
import type { ActionRegistry } from './registry';

/**
 * The desktop menu's source (issue 12 item 3): the registry's actions as plain descriptors, sent to
 * main whenever registrations or enabled states change. Enabled states live in closures, so they are
 * re-read after any store change too; a burst of changes (a screen mounting, a drag) is debounced,
 * and an unchanged list is not sent again.
 */
export function describeActions(registry: ActionRegistry): ActionDescriptor[] {
  const groups = new Set<string>(ACTION_GROUPS);
  return (
    registry
      .list()
      // Main refuses the whole list for one bad entry: leave out what it would refuse.
      .filter((action) => actionIdSchema.safeParse(action.id).success && groups.has(action.group))
      .filter((action) => action.label.trim().length > 0)
      .slice(0, MAX_MENU_ACTIONS)
      .map((action) => ({
        id: action.id,
        label: action.label.trim().slice(0, 200),
        group: action.group,
        keys: action.keys.filter((keys) => keys.length > 0 && keys.length <= 40).slice(0, 8),
        enabled: registry.isEnabled(action),
      }))
  );
}

export interface MenuPublisherDeps {
  registry: ActionRegistry;
  /** Other sources of change (the app store): enabled() may read them. Returns the unsubscribe. */
  subscribe: ((listener: () => void) => () => void)[];
  publish(actions: ActionDescriptor[]): void;
  debounceMs?: number;
}

/** Starts publishing (once at once, then debounced); returns the stop. */
export function startMenuPublishing({ registry, subscribe, publish, debounceMs = 150 }: MenuPublisherDeps): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const actions = describeActions(registry);
    const key = JSON.stringify(actions);
    if (key === last) return;
    last = key;
    publish(actions);
  };
  const changed = () => {
    if (timer === null) timer = setTimeout(flush, debounceMs);
  };
  const stops = [registry.subscribe(changed), ...subscribe.map((source) => source(changed))];
  flush();
  return () => {
    if (timer !== null) clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
