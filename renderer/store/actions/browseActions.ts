import type { BrowseState, CatalogIndexStatus, CatalogPage, CatalogQuery, FolderCount } from '../../../shared/ipc';
import type { IpcResult } from '../../../shared/ipc';
import { callApi, onEvent } from '../../api/bridge';
import type { AppStore } from '../appStore';

/** Asks main for the dataset's saved filters and view once per session; a late answer never overrides a choice. */
export async function restoreBrowseState(store: AppStore, datasetId: string): Promise<void> {
  if (store.getState().browseRestored[datasetId]) return;
  const result = await callApi((api) => api.browse.getState({ datasetId }));
  store.getState().browseStateRestored(datasetId, result.ok ? result.value : null);
}

/** Persists the dataset's filters and view; a failure is told but changes nothing on screen. */
export async function saveBrowseState(store: AppStore, datasetId: string, state: BrowseState): Promise<void> {
  const result = await callApi((api) => api.browse.saveState({ datasetId, state }));
  if (!result.ok) store.getState().toastShown('The browser’s filters could not be saved', result.error);
}

export function queryCatalog(
  datasetId: string,
  query: CatalogQuery,
  offset: number,
  limit: number,
): Promise<IpcResult<CatalogPage>> {
  return callApi((api) => api.catalog.query({ datasetId, query, offset, limit }));
}

export function loadFolders(datasetId: string): Promise<IpcResult<FolderCount[]>> {
  return callApi((api) => api.catalog.folders({ datasetId }));
}

const OFFLINE_CODES = new Set(['network', 'offline', 'timeout', 'not_connected', 'service_unavailable']);

/** Starts (re)indexing in main and records the status it answers with. */
export async function refreshCatalog(store: AppStore, datasetId: string, force = false): Promise<void> {
  const result = await callApi((api) => api.catalog.refresh(force ? { datasetId, force } : { datasetId }));
  if (result.ok) store.getState().catalogIndexChanged(result.value);
  // Offline is not news (the status bar says it); the cached catalog keeps answering.
  else if (!OFFLINE_CODES.has(result.error.code))
    store.getState().toastShown('The dataset could not be indexed', result.error);
}

/** Indexing progress and catalog changes pushed by main land in the store for the browser and the status bar. */
export function startCatalogIndexSync(store: AppStore): () => void {
  const stopIndex = onEvent('event:catalog-index', (status: CatalogIndexStatus) => {
    const previous = store.getState().catalogIndex[status.datasetId];
    store.getState().catalogIndexChanged(status);
    // A failed index is told once, with its request id; offline is the status bar's news.
    if (
      status.state === 'error' &&
      previous?.state !== 'error' &&
      status.error &&
      !OFFLINE_CODES.has(status.error.code)
    ) {
      const name = store.getState().datasets?.find((d) => d.id === status.datasetId)?.name ?? 'the dataset';
      store.getState().toastShown(`Indexing ${name} failed: showing what is cached`, status.error);
    }
  });
  // A revalidation or index changed a dataset's images: the browser refetches what it shows.
  const stopChanges = onEvent('event:catalog-changed', (change) => {
    if (change.datasetId && change.kind === 'images') store.getState().catalogImagesChanged(change.datasetId);
  });
  return () => {
    stopIndex();
    stopChanges();
  };
}

export function mediaUrl(imageId: string, variant: 'thumbnail' | 'full'): Promise<IpcResult<{ url: string }>> {
  return callApi((api) => api.media.url({ imageId, variant }));
}
