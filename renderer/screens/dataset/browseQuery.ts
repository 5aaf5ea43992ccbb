import type { KnownImageStatus } from '../../../shared/api';
import type { CatalogQuery, CatalogSort } from '../../../shared/ipc';
import { formatCount } from '../../format/numbers';

/** A stable key for a query: two queries with the same filters and sort share cached pages. */
export function querySignature(query: CatalogQuery): string {
  return JSON.stringify([
    [...(query.statuses ?? [])].sort(),
    query.directory ?? '',
    query.filename ?? '',
    query.confidenceBelow ?? null,
    [...(query.classNames ?? [])].sort(),
    query.sort ?? 'filename',
    query.descending ?? false,
  ]);
}

export function hasFilters(query: CatalogQuery): boolean {
  return (
    (query.statuses?.length ?? 0) > 0 ||
    (query.directory ?? '') !== '' ||
    (query.filename ?? '') !== '' ||
    query.confidenceBelow !== undefined ||
    (query.classNames?.length ?? 0) > 0
  );
}

/** The same sort, no filters. */
export function withoutFilters(query: CatalogQuery): CatalogQuery {
  return { sort: query.sort ?? 'filename', descending: query.descending ?? false };
}

/** Sets or clears one optional field without leaving `undefined` keys (the schema is strict JSON). */
export function withField<K extends keyof CatalogQuery>(
  query: CatalogQuery,
  key: K,
  value: CatalogQuery[K] | undefined,
): CatalogQuery {
  const next = { ...query };
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

export function toggleStatus(query: CatalogQuery, status: KnownImageStatus): CatalogQuery {
  const current = query.statuses ?? [];
  const next = current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
  return withField(query, 'statuses', next);
}

export const SORT_LABELS: Record<CatalogSort, string> = {
  filename: 'Filename',
  confidence: 'Lowest confidence first',
  annotations: 'Annotation count',
  updated: 'Last updated',
};

/** "1,234 of 100,000 images", or "100,000 images" when nothing is filtered out. */
export function describeMatches(matched: number, total: number | null, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? 'image' : 'images');
  if (!filtered || total === null) return `${formatCount(matched)} ${noun(matched)}`;
  return `${formatCount(matched)} of ${formatCount(total)} ${noun(total)}`;
}

/** Parses the "confidence below" field: a percentage 1–100, or undefined when empty or invalid. */
export function parseConfidencePercent(text: string): number | undefined {
  const trimmed = text.trim().replace(/%$/, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0 || value > 100) return undefined;
  return Math.round(value * 10) / 1000;
}

/** What the closed button says: "Any", the one class, or how many. */
export function classFilterSummary(selected: readonly string[]): string {
  if (selected.length === 0) return 'Any';
  if (selected.length === 1) return selected[0]!;
  return `${selected.length} classes`;
}
