import { API_PREFIX } from '../app';
import { enumParam, nonNegativeInt, pagination } from '../http/query';
import { jsonReply, type Reply } from '../http/reply';
import type { RequestContext, RouteDef } from '../http/router';
import type { ImageStatus } from '../store/images';
import { HOUR_MS } from '../util/clock';
import { requireDataset } from './lookup';
import { datasetToWire } from './wire';

const IMAGE_STATUSES: readonly ImageStatus[] = ['new', 'in_progress', 'complete'];
const DOWNLOAD_MODES = ['full', 'images_only', 'annotations_only'] as const;
const MAX_DOWNLOAD_ITEMS = 10_000;

function listDatasets({ app, query }: RequestContext): Reply {
  const { limit, offset } = pagination(query);
  const rows = app.store.datasets.list(limit, offset);
  const body = rows.map((row) => datasetToWire(row, app.store.datasets.countsFor(row.id)));
  return jsonReply(200, body, { 'X-Total-Count': String(app.store.datasets.count()) });
}

function getDataset({ app, params }: RequestContext): Reply {
  const dataset = requireDataset(app, params.id!);
  return jsonReply(200, datasetToWire(dataset, app.store.datasets.countsFor(dataset.id)));
}

/** The download listing (contract §7.1): non-archived images in listing order, signed image URLs. */
function downloadListing({ app, params, query }: RequestContext): Reply {
  const dataset = requireDataset(app, params.id!);
  const mode = enumParam(query, 'mode', DOWNLOAD_MODES) ?? 'full';
  const status = enumParam(query, 'status_filter', IMAGE_STATUSES);
  const limit = Math.min(nonNegativeInt(query, 'limit') ?? MAX_DOWNLOAD_ITEMS, MAX_DOWNLOAD_ITEMS);
  const filter = { datasetId: dataset.id, status, includeArchived: false };
  const total = app.store.images.count(filter);
  const rows = limit === 0 ? [] : app.store.images.list(filter, limit, 0);
  const items = rows.map((row) => ({
    id: row.id,
    filename: row.filename,
    directory_path: row.directory_path,
    file_size: row.file_size,
    annotation_count: row.annotation_count,
    status: row.status,
    image_url:
      mode === 'annotations_only'
        ? null
        : app.baseUrl + app.signer.sign('GET', `/storage/images/${row.id}`, HOUR_MS).pathWithQuery,
    annotation_url: mode === 'images_only' ? null : `${API_PREFIX}/annotations/${row.id}/file`,
  }));
  return jsonReply(200, {
    dataset_id: dataset.id,
    total_items: total,
    truncated: total > items.length,
    items,
  });
}

export const datasetRoutes: RouteDef[] = [
  { method: 'GET', path: `${API_PREFIX}/datasets`, minRole: 'viewer', handler: listDatasets },
  { method: 'GET', path: `${API_PREFIX}/datasets/:id`, minRole: 'viewer', handler: getDataset },
  { method: 'GET', path: `${API_PREFIX}/datasets/:id/download`, minRole: 'viewer', handler: downloadListing },
];
