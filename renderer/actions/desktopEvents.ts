import type { OpenImageTarget } from '../../shared/ipc';
import { callApi, onEvent } from '../api/bridge';
import type { ActionRegistry } from './registry';
import { actionRegistry } from './registry';
import { startMenuPublishing } from './menuPublisher';

export interface DesktopEventDeps {
  /** The app store's subscribe: enabled states read it. */
  subscribeStore(listener: () => void): () => void;
  openImage(target: OpenImageTarget): void;
  registry?: ActionRegistry;
  warn?(message: string): void;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256;

/**
 * The renderer's half of the native shell: publishes the menu, runs menu clicks through the
 * registry (an id that is not registered, or disabled, does nothing), and opens the image a
 * `pictograph-review://` link names — the one that started the app, then any that come later.
 */
export function startDesktopEvents({
  subscribeStore,
  openImage,
  registry = actionRegistry,
  warn = (message) => console.warn(message),
}: DesktopEventDeps): () => void {
  const stopPublishing = startMenuPublishing({
    registry,
    subscribe: [subscribeStore],
    publish: (actions) => void callApi((api) => api.menu.setActions({ actions })),
  });
  const stopMenu = onEvent('event:menu-action', (payload) => {
    const id: unknown = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !registry.run(id)) warn(`Menu action not available: ${String(id).slice(0, 100)}`);
  });
  const open = (target: OpenImageTarget | null) => {
    if (target && isId(target.datasetId) && isId(target.imageId)) openImage(target);
  };
  const stopLinks = onEvent('event:open-image', open);
  void callApi((api) => api.deepLink.take()).then((result) => {
    if (result.ok) open(result.value);
  });
  return () => {
    stopPublishing();
    stopMenu();
    stopLinks();
  };
}
