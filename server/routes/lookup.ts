import type { App } from '../app';
import { notFound } from '../http/apiError';
import type { DatasetRow } from '../store/datasets';
import type { ImageRow } from '../store/images';
import { isUuid } from '../util/ids';

/** Path and body resource lookups: a non-UUID id is simply "not found" (contract §1). */
export function requireDataset(app: App, id: string): DatasetRow {
  const dataset = isUuid(id) ? app.store.datasets.get(id) : undefined;
  if (!dataset) throw notFound('Dataset');
  return dataset;
}

export function requireImage(app: App, id: string): ImageRow {
  const image = isUuid(id) ? app.store.images.get(id) : undefined;
  if (!image) throw notFound('Image');
  return image;
}

/** Strong ETag header value for a sha256 hex digest. */
export const quoteEtag = (hex: string): string => `"${hex}"`;

/** Entity tags in an If-Match / If-None-Match list, with `W/` and quotes stripped. */
function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .filter((t) => t !== '');
}

/** True when the header (if present) names `hex` or is `*`. */
export function etagMatches(header: string | string[] | undefined, hex: string): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return tagsOf(text).some((t) => t === '*' || t === hex);
}
