import { rename } from 'node:fs/promises';
import sharp from 'sharp';
import { API_PREFIX } from '../app';
import {
  badRequest,
  conflict,
  notFound,
  unsupportedMediaType,
  validationFailed,
  type FieldProblem,
} from '../http/apiError';
import { jsonReply, type Reply } from '../http/reply';
import type { RequestContext, RouteDef } from '../http/router';
import { inTransaction } from '../store/db';
import type { ImageRow } from '../store/images';
import type { UploadRow } from '../store/uploads';
import { HOUR_MS, isoAt } from '../util/clock';
import { sha256OfFile } from '../util/hash';
import { isUuid, newId } from '../util/ids';
import { BodyReader } from '../validation/body';
import { ALLOWED_IMAGE_TYPES, allowedImageType, magicMatches, readHead } from '../validation/media';
import { directoryPathProblem, filenameProblem } from '../validation/paths';
import { requireDataset } from './lookup';
import { imageToWire } from './wire';

const UPLOAD_URL_TTL_MS = 15 * 60_000;
const REGISTER_WINDOW_MS = HOUR_MS;

/** Step 1: reserve an upload slot and hand out a signed PUT URL (contract §7.2). */
function createUploadUrl({ app, body }: RequestContext): Reply {
  const reader = new BodyReader(body, ['dataset_id', 'filename', 'directory_path', 'content_type']);
  const datasetId = reader.string('dataset_id', { required: true });
  const filename = reader.string('filename', { required: true });
  const directoryPath = reader.string('directory_path') ?? '/';
  const contentType = reader.string('content_type', { required: true });
  reader.finish();
  const dataset = requireDataset(app, datasetId!);
  const mime = allowedImageType(contentType!);
  if (!mime) throw unsupportedMediaType(`Images of type "${contentType}" are not accepted.`, ALLOWED_IMAGE_TYPES);
  throwNameProblems(filename!, directoryPath);
  const existing = app.store.images.idByName(dataset.id, directoryPath, filename!);
  if (existing)
    throw conflict('An image with this name already exists in this folder.', { existing_image_id: existing });

  const now = app.clock();
  const id = newId();
  app.store.uploads.insert({
    id,
    dataset_id: dataset.id,
    filename: filename!,
    directory_path: directoryPath,
    content_type: mime,
    created_ms: now,
    register_until_ms: now + REGISTER_WINDOW_MS,
  });
  const signed = app.signer.sign('PUT', `/storage/uploads/${id}`, UPLOAD_URL_TTL_MS);
  return jsonReply(200, {
    upload_id: id,
    upload_url: app.baseUrl + signed.pathWithQuery,
    expires_at: isoAt(signed.expiresAtMs),
  });
}

function throwNameProblems(filename: string, directoryPath: string): void {
  const problems: FieldProblem[] = [];
  const f = filenameProblem(filename);
  if (f) problems.push({ field: 'filename', message: f });
  const d = directoryPathProblem(directoryPath);
  if (d) problems.push({ field: 'directory_path', message: d });
  if (problems.length) throw validationFailed(problems);
}

const registering = new Set<string>();

/** Step 3: turn uploaded bytes into an image (contract §7.2). */
async function registerUpload({ app, body }: RequestContext): Promise<Reply> {
  const reader = new BodyReader(body, [
    'upload_id',
    'dataset_id',
    'filename',
    'directory_path',
    'file_size',
    'mime_type',
    'width',
    'height',
  ]);
  const uploadId = reader.string('upload_id', { required: true });
  const datasetId = reader.string('dataset_id', { required: true });
  const filename = reader.string('filename', { required: true });
  const directoryPath = reader.string('directory_path') ?? '/';
  const fileSize = reader.integer('file_size', { required: true, min: 0 });
  const mimeType = reader.string('mime_type', { required: true });
  const width = reader.integer('width', { nullable: true, min: 1 }) ?? null;
  const height = reader.integer('height', { nullable: true, min: 1 }) ?? null;
  reader.finish();

  const upload = isUuid(uploadId!) ? app.store.uploads.get(uploadId!) : undefined;
  if (!upload || upload.register_until_ms <= app.clock()) throw notFound('Upload');
  const dataset = requireDataset(app, datasetId!);
  const differences = compareWithUpload(upload, {
    datasetId: dataset.id,
    filename: filename!,
    directoryPath,
    mimeType: mimeType!,
  });
  if (differences.length) throw validationFailed(differences);
  if (upload.registered_image_id) {
    throw conflict('This upload is already registered.', { existing_image_id: upload.registered_image_id });
  }
  if (upload.byte_count === null) throw badRequest('No bytes were uploaded for this upload_id.');
  if (fileSize !== upload.byte_count) {
    throw validationFailed([{ field: 'file_size', message: `must equal the ${upload.byte_count} bytes received` }]);
  }
  const staged = app.blobs.stagingPath(upload.id);
  const mime = allowedImageType(upload.content_type)!;
  if (!magicMatches(mime, await readHead(staged))) {
    throw unsupportedMediaType(`The uploaded bytes are not a valid ${mime} file.`, ALLOWED_IMAGE_TYPES);
  }
  const existing = app.store.images.idByName(dataset.id, directoryPath, filename!);
  if (existing)
    throw conflict('An image with this name already exists in this folder.', { existing_image_id: existing });
  // Re-read after the awaits above: a concurrent register of the same upload may have finished.
  const registeredMeanwhile = app.store.uploads.get(upload.id)?.registered_image_id;
  if (registeredMeanwhile)
    throw conflict('This upload is already registered.', { existing_image_id: registeredMeanwhile });
  if (registering.has(upload.id)) throw conflict('This upload is being registered.', { upload_id: upload.id });

  registering.add(upload.id);
  try {
    return await storeImage(app, upload, { width, height, fileSize: fileSize!, mime });
  } finally {
    registering.delete(upload.id);
  }
}

function compareWithUpload(
  upload: UploadRow,
  sent: { datasetId: string; filename: string; directoryPath: string; mimeType: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (sent.datasetId !== upload.dataset_id)
    problems.push({ field: 'dataset_id', message: 'differs from the upload request' });
  if (sent.filename !== upload.filename)
    problems.push({ field: 'filename', message: 'differs from the upload request' });
  if (sent.directoryPath !== upload.directory_path) {
    problems.push({ field: 'directory_path', message: 'differs from the upload request' });
  }
  if (allowedImageType(sent.mimeType) !== upload.content_type) {
    problems.push({
      field: 'mime_type',
      message: `must equal the content_type "${upload.content_type}" of the upload request`,
    });
  }
  return problems;
}

async function storeImage(
  app: RequestContext['app'],
  upload: UploadRow,
  sent: { width: number | null; height: number | null; fileSize: number; mime: string },
): Promise<Reply> {
  const staged = app.blobs.stagingPath(upload.id);
  let { width, height } = sent;
  if (width === null || height === null) {
    const measured = await sharp(staged)
      .metadata()
      .catch(() => undefined);
    width ??= measured?.width ?? null;
    height ??= measured?.height ?? null;
  }
  const sha256 = await sha256OfFile(staged);
  const id = newId();
  const at = isoAt(app.clock());
  const row: ImageRow = {
    id,
    dataset_id: upload.dataset_id,
    filename: upload.filename,
    directory_path: upload.directory_path,
    width,
    height,
    file_size: sent.fileSize,
    mime_type: sent.mime,
    sha256,
    blob: id,
    status: 'new',
    annotation_count: 0,
    min_confidence: null,
    is_archived: false,
    created_at: at,
    updated_at: at,
  };
  await rename(staged, app.blobs.blobPath(id));
  try {
    inTransaction(app.store.db, () => {
      app.store.images.insert(row);
      app.store.uploads.markRegistered(upload.id, id);
      app.store.datasets.touch(upload.dataset_id, at);
    });
  } catch (error) {
    await rename(app.blobs.blobPath(id), staged).catch(() => undefined);
    if (String(error).includes('UNIQUE')) throw conflict('An image with this name already exists in this folder.');
    throw error;
  }
  return jsonReply(201, imageToWire(row));
}

export const uploadRoutes: RouteDef[] = [
  { method: 'POST', path: `${API_PREFIX}/images/upload-url`, minRole: 'member', handler: createUploadUrl },
  { method: 'POST', path: `${API_PREFIX}/images/register`, minRole: 'member', handler: registerUpload },
];
