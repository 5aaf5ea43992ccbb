import type { ChannelName, EventName, FilePathsBridge, Invoke, PictographApi, Subscribe } from '../../shared/ipc';
// The names only, never the contract itself: a value import of shared/ipc would bundle every zod
// schema into the preload (760 KB) for no use — requests are validated in main.
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';

const declaredEvents: ReadonlySet<string> = new Set(EVENT_NAMES);

/** Where no preload can tell a file's path (Node callers, a plain page): none is known. */
const noPaths: FilePathsBridge = { pathsOf: (files) => files.map(() => '') };

/**
 * Builds `window.api` from the contract's names: `api.datasets.list(req)` → invoke('datasets:list', req).
 * Its type, `PictographApi`, is derived from the contract. Pure (no Electron) so the browser harness
 * builds the very same object over exposeBinding. `files` is the preload's path helper
 * (webUtils in Electron, a test mapping in the harness).
 */
export function createApi(invoke: Invoke, subscribe: Subscribe, files: FilePathsBridge = noPaths): PictographApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, verb] = name.split(':') as [string, string];
    const ns = (api[domain] ??= {});
    ns[verb] = (request?: unknown) => invoke(name satisfies ChannelName, request ?? {});
  }
  const on = (name: string, listener: (payload: unknown) => void) => {
    if (!declaredEvents.has(name)) throw new Error(`Unknown event ${name}`);
    return subscribe(name as EventName, listener);
  };
  return Object.freeze({
    ...Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])),
    on,
    files: Object.freeze({ pathsOf: (list: readonly object[]) => files.pathsOf(list) }),
  }) as unknown as PictographApi;
}
