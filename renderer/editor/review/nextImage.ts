import type { CatalogQuery } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';

/**
 * The image after `currentId` in the query's order; when the current image no longer matches (it
 * was just approved), the first one that is not it. Null when there is none, or the catalog failed.
 */
export async function nextInQuery(
  datasetId: string,
  query: CatalogQuery,
  currentId: string,
): Promise<{ imageId: string | null; error: string | null }> {
  const position = await callApi((api) => api.catalog.position({ datasetId, query, imageId: currentId, span: 2 }));
  if (position.ok && position.value.position !== null) {
    return { imageId: position.value.after[0] ?? null, error: null };
  }
  const page = await callApi((api) => api.catalog.query({ datasetId, query, offset: 0, limit: 2 }));
  if (!page.ok) return { imageId: null, error: page.error.message };
  return { imageId: page.value.items.find((item) => item.id !== currentId)?.id ?? null, error: null };
}
