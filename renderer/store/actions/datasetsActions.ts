import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/**
 * Loads (or reloads) the dataset list; an older request's answer is dropped by the slice. Main
 * answers from its catalog at once; `refresh` (the user's button) asks the server and can fail.
 */
export async function loadDatasets(store: AppStore, options: { refresh?: boolean } = {}): Promise<void> {
  const token = store.getState().datasetsRequested();
  const result = await callApi((api) => api.datasets.list(options.refresh === true ? { refresh: true } : {}));
  if (result.ok) store.getState().datasetsLoaded(token, result.value);
  else store.getState().datasetsFailed(token, result.error);
}
