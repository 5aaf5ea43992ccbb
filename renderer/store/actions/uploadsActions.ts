import type { IpcResult, UploadBatchView, UploadDuplicateChoice } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/** The upload queue's calls to main; the queue itself lives (and is persisted) in main. */

export async function loadUploads(store: AppStore): Promise<void> {
  const result = await callApi((api) => api.uploads.list({}));
  if (result.ok) store.getState().uploadsLoaded(result.value);
}

export async function addUploads(
  store: AppStore,
  request: { datasetId: string; paths: string[]; duplicates: UploadDuplicateChoice },
): Promise<IpcResult<UploadBatchView>> {
  const result = await callApi((api) => api.uploads.add(request));
  // The items arrive as events; the listing makes the new batch appear at once, whole.
  if (result.ok) await loadUploads(store);
  return result;
}

export async function cancelUploads(
  store: AppStore,
  target: { batchId: string } | { itemId: string },
): Promise<IpcResult<{ cancelled: number }>> {
  const result = await callApi((api) => api.uploads.cancel(target));
  if (result.ok) await loadUploads(store);
  return result;
}

export async function clearFinishedUploads(store: AppStore): Promise<IpcResult<{ removed: number }>> {
  const result = await callApi((api) => api.uploads.clear({}));
  if (result.ok) await loadUploads(store);
  return result;
}

/** The native pickers; null when the user cancelled. */
export async function pickUploadFiles(): Promise<IpcResult<string[] | null>> {
  const result = await callApi((api) => api.dialog.pickFiles({ purpose: 'upload' }));
  return result.ok ? { ok: true, value: result.value?.paths ?? null } : result;
}

export async function pickUploadFolder(): Promise<IpcResult<string[] | null>> {
  const result = await callApi((api) => api.dialog.pickFolder({ purpose: 'upload' }));
  return result.ok ? { ok: true, value: result.value ? [result.value.path] : null } : result;
}
