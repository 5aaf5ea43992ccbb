import type { ExportCreate, ExportRecord } from '../../../shared/api';
import type { IpcResult } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/**
 * The exports panel's calls to main. The panel follows pending exports only while it is open
 * (main polls with backoff and pushes `event:export`); everything else is one call each.
 */

export async function loadExports(store: AppStore, datasetId: string, datasetName: string): Promise<void> {
  store.getState().exportsLoading(datasetId);
  const result = await callApi((api) => api.exports.list({ datasetName }));
  if (result.ok) store.getState().exportsLoaded(datasetId, result.value);
  else store.getState().exportsFailed(datasetId, result.error);
}

export async function createExport(store: AppStore, request: ExportCreate): Promise<IpcResult<ExportRecord>> {
  const result = await callApi((api) => api.exports.create({ request, follow: true }));
  if (result.ok) store.getState().exportChanged(result.value);
  return result;
}

/**
 * Follows one unfinished export: main polls it with backoff. Its current record (it may have
 * finished since the list was read, and then no event would come) lands in the store at once.
 */
export async function followExport(store: AppStore, exportId: string): Promise<void> {
  const result = await callApi((api) => api.exports.follow({ exportId }));
  if (result.ok) store.getState().exportChanged(result.value);
}

export function unfollowExport(exportId: string): void {
  void callApi((api) => api.exports.unfollow({ exportId }));
}

export async function deleteExport(store: AppStore, record: ExportRecord): Promise<IpcResult<{ deleted: true }>> {
  const result = await callApi((api) => api.exports.delete({ exportId: record.id }));
  if (result.ok) store.getState().exportRemoved(record.dataset_id, record.id);
  return result;
}

/**
 * Asks the user for a folder (the native dialog) and starts the download there. `null` when
 * the user cancelled the dialog; progress and the outcome then arrive as `event:export-download`.
 */
export async function downloadExport(store: AppStore, record: ExportRecord): Promise<IpcResult<null | true>> {
  const picked = await callApi((api) => api.dialog.pickFolder({ purpose: 'export' }));
  if (!picked.ok) return picked;
  if (picked.value === null) return { ok: true, value: null };
  const folder = picked.value.path;
  const started = await callApi((api) => api.exports.download({ exportId: record.id, folder }));
  if (!started.ok) return started;
  store.getState().exportDownloadChanged(started.value);
  return { ok: true, value: true };
}

export function cancelDownload(downloadId: string): Promise<IpcResult<{ cancelled: boolean }>> {
  return callApi((api) => api.exports.cancelDownload({ downloadId }));
}

export function showInFolder(path: string): Promise<IpcResult<{ shown: true }>> {
  return callApi((api) => api.shell.showItem({ path }));
}
