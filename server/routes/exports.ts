import { API_PREFIX } from '../app';
import { conflict, notFound, validationFailed, type FieldProblem } from '../http/apiError';
import { enumParam, pagination } from '../http/query';
import { emptyReply, jsonReply, type Reply } from '../http/reply';
import type { RequestContext, RouteDef } from '../http/router';
import type { DatasetRow } from '../store/datasets';
import type { ExportRow, ExportStatus } from '../store/exports';
import { HOUR_MS, isoAt } from '../util/clock';
import { isUuid, newId } from '../util/ids';
import { BodyReader } from '../validation/body';
import { exportToWire } from './wire';

export const EXPORT_FORMATS = ['pictograph', 'coco', 'yolo', 'pascal_voc', 'labelme', 'cvat', 'csv'] as const;
const EXPORT_STATUSES: readonly ExportStatus[] = ['pending', 'processing', 'completed', 'failed'];
const IMAGE_STATUSES = ['new', 'in_progress', 'complete'] as const;

function datasetNamed(app: RequestContext['app'], value: string): DatasetRow {
  const dataset = app.store.datasets.findBySlugOrName(value);
  if (!dataset) throw notFound('Dataset');
  return dataset;
}

function wire(app: RequestContext['app'], row: ExportRow): Record<string, unknown> {
  return exportToWire(row, app.store.datasets.get(row.dataset_id)?.name ?? '');
}

async function requireExport(app: RequestContext['app'], id: string): Promise<ExportRow> {
  await app.exportJobs.sweepExpired();
  const row = isUuid(id) ? app.store.exports.get(id) : undefined;
  if (!row) throw notFound('Export');
  return row;
}

function createExport({ app, body }: RequestContext): Reply {
  const reader = new BodyReader(body, [
    'dataset_name',
    'name',
    'format',
    'include_images',
    'class_filter',
    'status_filter',
  ]);
  const datasetName = reader.string('dataset_name', { required: true });
  const name = reader.string('name', { required: true, min: 1, max: 100, nonBlank: true });
  const format = reader.oneOf('format', EXPORT_FORMATS) ?? 'pictograph';
  const includeImages = reader.boolean('include_images') ?? false;
  const classFilter = reader.stringList('class_filter', { nullable: true }) ?? null;
  const statusFilter = reader.oneOf('status_filter', IMAGE_STATUSES, { nullable: true }) ?? null;
  reader.finish();
  const dataset = datasetNamed(app, datasetName!);
  if (classFilter !== null) throwClassFilterProblems(dataset, classFilter);
  if (app.store.exports.nameTaken(dataset.id, name!)) {
    throw conflict('An export with this name already exists for this dataset.', { name });
  }
  const now = app.clock();
  const row: ExportRow = {
    id: newId(),
    dataset_id: dataset.id,
    name: name!,
    format,
    include_images: includeImages,
    class_filter: classFilter,
    status_filter: statusFilter,
    status: 'pending',
    error_message: null,
    file_size: null,
    image_count: null,
    annotation_count: null,
    created_at: isoAt(now),
    created_ms: now,
    completed_at: null,
    expires_at: null,
    expires_ms: null,
  };
  app.store.exports.insert(row);
  app.exportJobs.enqueue(row.id);
  return jsonReply(201, exportToWire(row, dataset.name));
}

function throwClassFilterProblems(dataset: DatasetRow, classFilter: string[]): void {
  const problems: FieldProblem[] = [];
  if (classFilter.length === 0)
    problems.push({ field: 'class_filter', message: 'must name at least one class, or be null for all' });
  const known = new Set(dataset.classes.map((c) => c.name));
  classFilter.forEach((name, i) => {
    if (!known.has(name))
      problems.push({ field: `class_filter[${i}]`, message: `"${name}" is not a class of this dataset` });
  });
  if (problems.length) throw validationFailed(problems);
}

async function listExports({ app, query }: RequestContext): Promise<Reply> {
  const status = enumParam(query, 'status', EXPORT_STATUSES);
  const { limit, offset } = pagination(query);
  const datasetName = query.get('dataset_name');
  const datasetId = datasetName === null ? undefined : datasetNamed(app, datasetName).id;
  await app.exportJobs.sweepExpired();
  const filter = { datasetId, status };
  const rows = limit === 0 ? [] : app.store.exports.list(filter, limit, offset);
  return jsonReply(
    200,
    rows.map((row) => wire(app, row)),
    { 'X-Total-Count': String(app.store.exports.count(filter)) },
  );
}

async function getExport({ app, params }: RequestContext): Promise<Reply> {
  return jsonReply(200, wire(app, await requireExport(app, params.id!)));
}

async function exportDownload({ app, params }: RequestContext): Promise<Reply> {
  const row = await requireExport(app, params.id!);
  if (row.status !== 'completed') {
    throw conflict(`The export is ${row.status}; only a completed export can be downloaded.`, { status: row.status });
  }
  const signed = app.signer.sign('GET', `/storage/exports/${row.id}`, HOUR_MS);
  return jsonReply(200, { download_url: app.baseUrl + signed.pathWithQuery, expires_at: isoAt(signed.expiresAtMs) });
}

async function deleteExport({ app, params }: RequestContext): Promise<Reply> {
  const row = await requireExport(app, params.id!);
  app.store.exports.delete(row.id);
  await app.blobs.remove(app.blobs.exportPath(row.id));
  return emptyReply(204);
}

export const exportRoutes: RouteDef[] = [
  { method: 'GET', path: `${API_PREFIX}/exports`, minRole: 'viewer', handler: listExports },
  { method: 'POST', path: `${API_PREFIX}/exports`, minRole: 'member', handler: createExport },
  { method: 'GET', path: `${API_PREFIX}/exports/:id`, minRole: 'viewer', handler: getExport },
  { method: 'DELETE', path: `${API_PREFIX}/exports/:id`, minRole: 'admin', handler: deleteExport },
  { method: 'GET', path: `${API_PREFIX}/exports/:id/download`, minRole: 'viewer', handler: exportDownload },
];
