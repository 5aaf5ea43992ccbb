import type { ConnectionStatus, IpcResult } from '../../../shared/ipc';
import { callApi, onEvent } from '../../api/bridge';
import type { AppStore } from '../appStore';
import type { PendingAttempt } from '../connectionSlice';

/**
 * The connection flows: each one marks what is pending, calls main, and records the answer.
 * Failures are values (IpcResult) all the way; nothing here throws.
 */

async function refreshProfiles(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.connection.profiles());
  if (result.ok) store.getState().profilesReceived(result.value);
}

async function runAttempt(
  store: AppStore,
  attempt: PendingAttempt,
  call: () => Promise<IpcResult<ConnectionStatus>>,
): Promise<IpcResult<ConnectionStatus>> {
  if (store.getState().pending !== null) {
    return { ok: false, error: { code: 'cancelled', message: 'Another connection attempt is still running.' } };
  }
  store.getState().attemptStarted(attempt);
  const result = await call();
  store.getState().attemptFinished(result);
  // A connect may have created or updated a profile, sign-out may have dropped its key.
  await refreshProfiles(store);
  return result;
}

export function connectWithKey(
  store: AppStore,
  form: { baseUrl: string; apiKey: string; name?: string; profileId?: string },
): Promise<IpcResult<ConnectionStatus>> {
  return runAttempt(store, { kind: 'connect' }, () => callApi((api) => api.connection.connect(form)));
}

export function openDemoWorkspace(store: AppStore): Promise<IpcResult<ConnectionStatus>> {
  return runAttempt(store, { kind: 'demo' }, () => callApi((api) => api.connection.openDemo()));
}

export function resumeProfile(store: AppStore, profileId: string): Promise<IpcResult<ConnectionStatus>> {
  return runAttempt(store, { kind: 'resume', profileId }, () => callApi((api) => api.connection.resume({ profileId })));
}

export function signOut(store: AppStore): Promise<IpcResult<ConnectionStatus>> {
  return runAttempt(store, { kind: 'sign-out' }, async () => {
    const result = await callApi((api) => api.connection.disconnect());
    if (result.ok) {
      store.getState().datasetsCleared();
      store.getState().datasetsShown();
    }
    return result;
  });
}

export async function loadRateLimit(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.rateLimit.get());
  if (result.ok) store.getState().rateLimitReceived(result.value);
}

/**
 * First contact with main: current status, stored profiles, and the pushed events. Returns the
 * unsubscribe for both events. A failed status call still leaves the app usable: it shows the
 * connect screen with the error instead of spinning forever.
 */
export function startConnectionSync(store: AppStore): () => void {
  const offConnection = onEvent('event:connection', (status) => store.getState().statusReceived(status));
  const offRateLimit = onEvent('event:rate-limit', (state) => store.getState().rateLimitReceived(state));
  void (async () => {
    const status = await callApi((api) => api.connection.status());
    if (status.ok) {
      store.getState().statusReceived(status.value);
    } else {
      store.getState().statusReceived({
        state: 'error',
        profile: null,
        keyStorage: null,
        keyPrefix: null,
        role: null,
        error: status.error,
      });
    }
    await refreshProfiles(store);
  })();
  return () => {
    offConnection();
    offRateLimit();
  };
}
