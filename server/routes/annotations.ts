import { API_PREFIX } from '../app';
import { conflict, preconditionFailed, validationFailed } from '../http/apiError';
import { jsonReply, rawJsonReply, type Reply } from '../http/reply';
import type { RequestContext, RouteDef } from '../http/router';
import { EMPTY_LIST } from '../store/annotationLists';
import { inTransaction } from '../store/db';
import type { ImageRow, ImageStatus } from '../store/images';
import { isoAt } from '../util/clock';
import { canonicalizeAnnotations } from '../validation/annotations';
import { BodyReader } from '../validation/body';
import { etagMatches, quoteEtag, requireDataset, requireImage } from './lookup';

function getAnnotations({ app, params }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  const list = app.store.annotations.get(image.id);
  return rawJsonReply(200, `{"image_id":${JSON.stringify(image.id)},"annotations":${list.json}}`, {
    ETag: quoteEtag(list.etag),
  });
}

/** The per-image annotation file (contract §7.4); also the `pictograph` export's entry format. */
function getAnnotationFile({ app, params }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  const dataset = requireDataset(app, image.dataset_id);
  const list = app.store.annotations.get(image.id);
  const head = JSON.stringify({
    image: image.filename,
    image_url: `${app.baseUrl}${API_PREFIX}/images/${image.id}`,
    image_uuid: image.id,
    image_path: image.directory_path,
    annotation_count: image.annotation_count,
    dataset: { name: dataset.name, slug: dataset.slug },
    org: app.org,
  });
  return rawJsonReply(200, `${head.slice(0, -1)},"annotations":${list.json}}`, { ETag: quoteEtag(list.etag) });
}

/**
 * Full-overwrite save. Everything from the If-Match check to the commit is synchronous, so saves
 * to one image are serialized by the event loop itself: no interleaving can lose an update.
 */
function saveAnnotations({ app, params, body, req }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  const reader = new BodyReader(body, ['annotations']);
  if (!reader.has('annotations')) reader.problem('annotations', 'is required');
  reader.finish();
  const dataset = requireDataset(app, image.dataset_id);
  const result = canonicalizeAnnotations(body.annotations, {
    classes: dataset.classes,
    annotationTypes: dataset.annotation_types,
  });
  if (!result.ok) throw validationFailed(result.problems);
  assertWritable(image);
  const current = app.store.annotations.get(image.id);
  checkIfMatch(req.headers['if-match'], current.etag);

  const list = result.list;
  const status = nextStatus(image.status, list.count);
  const at = isoAt(app.clock());
  inTransaction(app.store.db, () => {
    app.store.annotations.put(image.id, { json: list.json, etag: list.etag });
    app.store.images.setAnnotationStats(image.id, list.count, list.minConfidence, status, at);
    app.store.datasets.touch(image.dataset_id, at);
  });
  return jsonReply(
    200,
    { image_id: image.id, previous_count: image.annotation_count, new_count: list.count, status },
    { ETag: quoteEtag(list.etag) },
  );
}

function deleteAnnotations({ app, params, req }: RequestContext): Reply {
  const image = requireImage(app, params.id!);
  assertWritable(image);
  const current = app.store.annotations.get(image.id);
  checkIfMatch(req.headers['if-match'], current.etag);
  const at = isoAt(app.clock());
  inTransaction(app.store.db, () => {
    app.store.annotations.delete(image.id);
    app.store.images.setAnnotationStats(image.id, 0, null, 'new', at);
    app.store.datasets.touch(image.dataset_id, at);
  });
  return jsonReply(
    200,
    { image_id: image.id, deleted_count: image.annotation_count },
    { ETag: quoteEtag(EMPTY_LIST.etag) },
  );
}

/** Status rule (contract §7.4): none → new; some → in_progress, but complete stays complete. */
function nextStatus(current: ImageStatus, count: number): ImageStatus {
  if (count === 0) return 'new';
  return current === 'complete' ? 'complete' : 'in_progress';
}

function assertWritable(image: ImageRow): void {
  if (image.is_archived) throw conflict('The image is archived; its annotations are read-only.', { is_archived: true });
}

function checkIfMatch(header: string | string[] | undefined, currentEtag: string): void {
  if (header === undefined) return;
  if (!etagMatches(header, currentEtag)) throw preconditionFailed(quoteEtag(currentEtag));
}

export const annotationRoutes: RouteDef[] = [
  { method: 'GET', path: `${API_PREFIX}/annotations/:id`, minRole: 'viewer', handler: getAnnotations },
  { method: 'POST', path: `${API_PREFIX}/annotations/:id`, minRole: 'member', handler: saveAnnotations },
  { method: 'DELETE', path: `${API_PREFIX}/annotations/:id`, minRole: 'admin', handler: deleteAnnotations },
  { method: 'GET', path: `${API_PREFIX}/annotations/:id/file`, minRole: 'viewer', handler: getAnnotationFile },
];
