import type { ImagePage } from '../../../shared/ipc';
import type { IpcResult } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/** Loads (or reloads) the dataset list; an older request's answer is dropped by the slice. */
export async function loadDatasets(store: AppStore): Promise<void> {
  const token = store.getState().datasetsRequested();
  const result = await callApi((api) => api.datasets.list());
  if (result.ok) store.getState().datasetsLoaded(token, result.value);
  else store.getState().datasetsFailed(token, result.error);
}

/** How many images the simple dataset view shows; the full browser comes with the image grid. */
export const FIRST_PAGE_SIZE = 100;

export function loadFirstImages(datasetId: string): Promise<IpcResult<ImagePage>> {
  return callApi((api) => api.images.page({ datasetId, limit: FIRST_PAGE_SIZE, offset: 0 }));
}

export function thumbnailUrl(imageId: string): Promise<IpcResult<{ url: string }>> {
  return callApi((api) => api.media.url({ imageId, variant: 'thumbnail' }));
}
