import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/** Loads (or reloads) the dataset list; an older request's answer is dropped by the slice. */
export async function loadDatasets(store: AppStore): Promise<void> {
  const token = store.getState().datasetsRequested();
  const result = await callApi((api) => api.datasets.list());
  if (result.ok) store.getState().datasetsLoaded(token, result.value);
  else store.getState().datasetsFailed(token, result.error);
}
