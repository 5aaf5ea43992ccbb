import type { CatalogQuery } from '../../../shared/ipc';

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
