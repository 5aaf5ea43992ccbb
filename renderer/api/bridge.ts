import type { EventName, EventPayload, IpcError, IpcResult, PictographApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the harness init script from the same createApi(). */
    api: PictographApi;
  }
}

/**
 * The only code that touches `window.api`. Everything else calls `callApi(api => api.x.y(req))`
 * and always gets an IpcResult back: a missing bridge or a rejected promise (a transport bug,
 * a closed window) becomes a failure value, so no screen ever has to catch.
 */
export function bridgeAvailable(): boolean {
  return typeof window !== 'undefined' && typeof window.api === 'object' && window.api !== null;
}

const bridgeMissing: IpcError = {
  code: 'internal',
  message: 'The app bridge is missing: this page must be opened by Pictograph Review, not a plain browser.',
};

export async function callApi<T>(call: (api: PictographApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  if (!bridgeAvailable()) return { ok: false, error: bridgeMissing };
  try {
    // Typed by the contract and produced by main's router, which only ever answers an IpcResult.
    return await call(window.api);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `The call to the app failed: ${message}` } };
  }
}

/** Subscribes to a pushed event; returns the unsubscribe (a no-op when there is no bridge). */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!bridgeAvailable()) return () => {};
  try {
    return window.api.on(name, listener);
  } catch {
    return () => {};
  }
}
