import { API_PREFIX } from '../app';
import { badParameter, conflict } from '../http/apiError';
import { booleanParam, enumParam, numberParam, pagination } from '../http/query';
import { emptyReply, fileReply, jsonReply, rawJsonReply, type Reply } from '../http/reply';
import type { RequestContext, RouteDef } from '../http/router';
import { inTransaction } from '../store/db';
import type { ImageRow, ImageStatus } from '../store/images';
import { BodyReader } from '../validation/body';
import { isoAt } from '../util/clock';
import { etagMatches, quoteEtag, requireDataset, requireImage } from './lookup';
import { removeThumbnails, renderThumbnail } from './thumbnails';
import { imageToWire, withAnnotationsJson } from './wire';

const IMAGE_STATUSES: readonly ImageStatus[] = ['new', 'in_progress', 'complete'];
const BYTES_CACHE_CONTROL = 'private, max-age=86400';

function listImages({ app, query }: RequestContext): Reply {
  const datasetId = query.get('dataset_id');
  if (datasetId === null || datasetId === '')
    throw badParameter('dataset_id', "Query parameter 'dataset_id' is required.");
  const status = enumParam(query, 'status', IMAGE_STATUSES);
  const minConfidenceLt = numberParam(query, 'min_confidence_lt');
  const includeArchived = booleanParam(query, 'include_archived') ?? false;
  const { limit, offset } = pagination(query);
  const dataset = requireDataset(app, datasetId);
  const filter = {
    datasetId: dataset.id,
    status,
    directoryPath: query.get('directory_path') ?? undefined,
    filename: query.get('filename') ?? undefined,
    minConfidenceLt,
    includeArchived,
  };
  const rows = limit === 0 ? [] : app.store.images.list(filter, limit, offset);
  return jsonReply(200, rows.map(imageToWire), { 'X-Total-Count': String(app.store.images.count(filter)) });
}

function imageMetadata({ app, params, query }: RequestContext): Reply {
  const includeAnnotations = booleanParam(query, 'include_annotations') ?? false;
  const image = requireImage(app, params.id!);
  const json = JSON.stringify(imageToWire(image));
  if (!includeAnnotations) return rawJsonReply(200, json);
  return rawJsonReply(200, withAnnotationsJson(json, app.store.annotations.get(image.id).json));
}

function imageBytes({ app, params, req }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  const headers = { ETag: quoteEtag(image.sha256), 'Cache-Control': BYTES_CACHE_CONTROL };
  if (etagMatches(req.headers['if-none-match'], image.sha256)) return emptyReply(304, headers);
  return fileReply(app.blobs.blobPath(image.blob), image.file_size, { ...headers, 'Content-Type': image.mime_type });
}

async function imageThumbnail({ app, params, req }: RequestContext): Promise<Reply> {
  const image = requireImage(app, params.id!);
  const thumb = await renderThumbnail(app, image);
  const headers = { ETag: quoteEtag(thumb.sha256), 'Cache-Control': BYTES_CACHE_CONTROL };
  if (etagMatches(req.headers['if-none-match'], thumb.sha256)) return emptyReply(304, headers);
  return fileReply(thumb.path, thumb.size, { ...headers, 'Content-Type': thumb.contentType });
}

async function deleteImage({ app, params, query }: RequestContext): Promise<Reply> {
  const permanent = booleanParam(query, 'permanent') ?? false;
  const image = requireImage(app, params.id!);
  const at = isoAt(app.clock());
  if (!permanent) {
    if (!image.is_archived) {
      inTransaction(app.store.db, () => {
        app.store.images.archive(image.id, at);
        app.store.datasets.touch(image.dataset_id, at);
      });
    }
    return jsonReply(200, { id: image.id, archived: true, deleted: false });
  }
  inTransaction(app.store.db, () => {
    app.store.annotations.delete(image.id);
    app.store.images.delete(image.id);
    app.store.datasets.touch(image.dataset_id, at);
  });
  await app.blobs.remove(app.blobs.blobPath(image.blob));
  await removeThumbnails(app, image);
  return jsonReply(200, { id: image.id, archived: false, deleted: true });
}

function reviewImage({ app, params, body, key }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  const reader = new BodyReader(body, ['action', 'note']);
  const action = reader.oneOf('action', ['approve', 'request_changes'] as const, { required: true });
  const note = reader.string('note', { max: 2000 });
  reader.finish();
  if (image.is_archived) throw conflict('The image is archived.', { is_archived: true });
  const status: ImageStatus = action === 'approve' ? 'complete' : 'in_progress';
  const at = isoAt(app.clock());
  inTransaction(app.store.db, () => {
    app.store.images.setStatus(image.id, status, at);
    app.store.reviews.record(image.id, action!, note ?? null, key.id, at);
    app.store.datasets.touch(image.dataset_id, at);
  });
  const updated: ImageRow = { ...image, status, updated_at: at };
  return jsonReply(200, imageToWire(updated));
}

export const imageRoutes: RouteDef[] = [
  { method: 'GET', path: `${API_PREFIX}/images`, minRole: 'viewer', handler: listImages },
  { method: 'GET', path: `${API_PREFIX}/images/:id`, minRole: 'viewer', handler: imageBytes },
  { method: 'DELETE', path: `${API_PREFIX}/images/:id`, minRole: 'admin', handler: deleteImage },
  { method: 'GET', path: `${API_PREFIX}/images/:id/metadata`, minRole: 'viewer', handler: imageMetadata },
  { method: 'GET', path: `${API_PREFIX}/images/:id/thumbnail`, minRole: 'viewer', handler: imageThumbnail },
  { method: 'POST', path: `${API_PREFIX}/images/:id/review`, minRole: 'member', handler: reviewImage },
];
