import type { OfflineStatus, ResolveRequest } from '../../../shared/ipc';
import { callApi, onEvent } from '../../api/bridge';
import type { AppStore } from '../appStore';

/** Loads the conflicts list (after a change in their number, and when the panel opens). */
export async function loadConflicts(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.sync.conflicts());
  if (result.ok) store.getState().conflictsLoaded(result.value);
  else store.getState().conflictsFailed(result.error);
}

async function loadAll(store: AppStore): Promise<void> {
  const [status, offline] = await Promise.all([
    callApi((api) => api.sync.status()),
    callApi((api) => api.offline.status()),
  ]);
  if (status.ok) store.getState().syncStatusReceived(status.value);
  if (offline.ok) store.getState().offlineListLoaded(offline.value);
  if (status.ok && status.value.conflicts > 0) await loadConflicts(store);
}

/**
 * The outbox and "available offline" downloads, pushed by main, land in the store wherever the user
 * is; a change in the number of conflicts reloads their list. Signing in (or switching workspace)
 * reloads everything. Returns the unsubscribe.
 */
export function startSyncWatch(store: AppStore): () => void {
  const offSync = onEvent('event:sync', (status) => {
    const before = store.getState().syncStatus?.conflicts ?? 0;
    store.getState().syncStatusReceived(status);
    if (status.conflicts !== before || (status.conflicts > 0 && store.getState().conflicts === null))
      void loadConflicts(store);
  });
  const offOffline = onEvent('event:offline', (status) => store.getState().offlineReceived(status));
  let profile: string | null = null;
  const offConnection = onEvent('event:connection', (status) => {
    const next = status.profile?.id ?? null;
    if (next === profile) return;
    profile = next;
    store.getState().syncReset();
    if (next !== null) void loadAll(store);
  });
  profile = store.getState().status?.profile?.id ?? null;
  void loadAll(store);
  return () => {
    offSync();
    offOffline();
    offConnection();
  };
}

export async function syncNow(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.sync.flush());
  if (result.ok) store.getState().syncStatusReceived(result.value);
  else store.getState().toastShown('Sync did not run', result.error);
}

/** Applies a decision; the list reloads so the resolved conflict leaves it. Returns whether it worked. */
export async function resolveConflict(
  store: AppStore,
  conflictId: number,
  choice: ResolveRequest['choice'],
): Promise<boolean> {
  const result = await callApi((api) => api.sync.resolve({ conflictId, choice }));
  if (!result.ok) {
    store.getState().toastShown('The conflict was not resolved', result.error);
    return false;
  }
  await loadConflicts(store);
  return true;
}

type OfflineVerb = 'enable' | 'disable' | 'pause' | 'resume' | 'cancel';

const FAILED_TITLE: Record<OfflineVerb, string> = {
  enable: 'Could not make the dataset available offline',
  disable: 'Could not stop keeping the dataset offline',
  pause: 'Could not pause the download',
  resume: 'Could not resume the download',
  cancel: 'Could not cancel the download',
};

export async function offlineAction(
  store: AppStore,
  verb: OfflineVerb,
  datasetId: string,
): Promise<OfflineStatus | null> {
  const result = await callApi((api) => api.offline[verb]({ datasetId }));
  if (!result.ok) {
    store.getState().toastShown(FAILED_TITLE[verb], result.error);
    return null;
  }
  store.getState().offlineReceived(result.value);
  return result.value;
}

export async function loadCacheInfo(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.catalog.cacheInfo());
  if (result.ok) store.getState().cacheInfoLoaded(result.value);
  else store.getState().toastShown('Could not read the cache size', result.error);
}

export async function setCacheLimit(store: AppStore, cacheLimitBytes: number): Promise<boolean> {
  const result = await callApi((api) => api.settings.update({ cacheLimitBytes }));
  if (!result.ok) {
    store.getState().toastShown('The cache limit was not changed', result.error);
    return false;
  }
  await loadCacheInfo(store);
  return true;
}

export async function clearCache(store: AppStore): Promise<boolean> {
  const result = await callApi((api) => api.catalog.clear());
  if (!result.ok) {
    store.getState().toastShown('The cache was not cleared', result.error);
    return false;
  }
  store.getState().cacheInfoLoaded(result.value);
  return true;
}
