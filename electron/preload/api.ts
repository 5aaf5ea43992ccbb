import type { ChannelName, Invoke, PictographApi, Subscribe } from '../../shared/ipc';
import { channelNames, eventNames } from '../../shared/ipc';

/**
 * Builds `window.api` from the contract: `api.datasets.list(req)` → invoke('datasets:list', req).
 * Pure (no Electron) so the browser harness builds the very same object over exposeBinding.
 */
export function createApi(invoke: Invoke, subscribe: Subscribe): PictographApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of channelNames) {
    const [domain, verb] = name.split(':') as [string, string];
    const ns = (api[domain] ??= {});
    ns[verb] = (request?: unknown) => invoke(name as ChannelName, request ?? {});
  }
  const on = (name: string, listener: (payload: unknown) => void) => {
    if (!(eventNames as string[]).includes(name)) throw new Error(`Unknown event ${name}`);
    return subscribe(name as (typeof eventNames)[number], listener);
  };
  return Object.freeze({
    ...Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])),
    on,
  }) as unknown as PictographApi;
}
