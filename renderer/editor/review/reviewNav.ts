import type { CatalogQuery } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';

/**
 * "Next unreviewed" and "next lowest-confidence image" (issue 9 item 4) follow the browser's filter
 * for the dataset, narrowed: unreviewed = any status but complete (within the statuses the browser
 * already filters on, if any); lowest confidence = the same filter sorted by confidence, ascending.
 */
export function unreviewedQuery(query: CatalogQuery): CatalogQuery {
  const all: NonNullable<CatalogQuery['statuses']> = ['new', 'in_progress', 'complete'];
  const statuses = (query.statuses?.length ? query.statuses : all).filter((status) => status !== 'complete');
  // The browser showed only complete images: nothing is unreviewed in that filter; widen to the rest.
  return { ...query, statuses: statuses.length > 0 ? statuses : ['new', 'in_progress'] };
}

export function lowestConfidenceQuery(query: CatalogQuery): CatalogQuery {
  return { ...query, sort: 'confidence', descending: false };
}

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
