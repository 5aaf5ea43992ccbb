import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { App } from '../app';
import { ApiError, conflict, forbidden, notFound, payloadTooLarge } from '../http/apiError';
import { emptyReply, fileReply, type Reply } from '../http/reply';
import type { SignedMethod } from '../signing';
import { isUuid } from '../util/ids';
import { MAX_IMAGE_BYTES, allowedImageType } from '../validation/media';

const STORAGE_PATH = /^\/storage\/(images|uploads|exports)\/([^/]+)$/;
const METHOD_FOR: Record<string, SignedMethod> = { images: 'GET', uploads: 'PUT', exports: 'GET' };

/**
 * Signed storage URLs (contract §10): used without a key, never rate-limited. A bad or expired
 * signature is 403 before anything else is revealed; a missing object is 404.
 */
export async function handleStorage(
  app: App,
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
): Promise<Reply> {
  const match = STORAGE_PATH.exec(path);
  if (!match) throw notFound('Object');
  const [, kind, id] = match as unknown as [string, string, string];
  const method = METHOD_FOR[kind]!;
  if (req.method !== method) {
    throw new ApiError(
      405,
      'method_not_allowed',
      `Method ${req.method} is not allowed here.`,
      { allowed: [method] },
      { Allow: method },
    );
  }
  const check = app.signer.verify(method, path, query);
  if (check === 'invalid') throw forbidden('The signature of this URL is invalid.');
  if (check === 'expired') throw forbidden('This URL has expired.');
  if (!isUuid(id)) throw notFound('Object');
  if (kind === 'images') return serveImage(app, id);
  if (kind === 'exports') return serveExport(app, id);
  return receiveUpload(app, req, id);
}

function serveImage(app: App, id: string): Reply {
  const image = app.store.images.get(id);
  if (!image) throw notFound('Image');
  return fileReply(app.blobs.blobPath(image.blob), image.file_size, {
    'Content-Type': image.mime_type,
    ETag: `"${image.sha256}"`,
  });
}

function serveExport(app: App, id: string): Reply {
  const row = app.store.exports.get(id);
  if (!row || row.status !== 'completed' || row.file_size === null || (row.expires_ms ?? Infinity) <= app.clock()) {
    throw notFound('Export');
  }
  const slug = app.store.datasets.get(row.dataset_id)?.slug ?? 'dataset';
  const filename = `${slug}-${row.name}.zip`.replace(/[^A-Za-z0-9._-]/g, '_');
  return fileReply(app.blobs.exportPath(id), row.file_size, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
}

/** Step 2 of the upload: bytes stream to tmp/ and replace the staged file atomically. */
async function receiveUpload(app: App, req: IncomingMessage, id: string): Promise<Reply> {
  const upload = app.store.uploads.get(id);
  if (!upload) throw notFound('Upload');
  if (upload.registered_image_id)
    throw conflict('This upload is already registered.', { existing_image_id: upload.registered_image_id });
  const sent = req.headers['content-type'];
  if (allowedImageType(sent) !== upload.content_type) {
    throw forbidden(`Content-Type must be ${upload.content_type}, as declared when the upload URL was created.`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_IMAGE_BYTES) throw payloadTooLarge(MAX_IMAGE_BYTES);

  const temp = app.blobs.tempPath();
  let received = 0;
  let tooLarge = false;
  const out = createWriteStream(temp);
  await pipeline(
    req,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        received += chunk.length;
        if (received > MAX_IMAGE_BYTES) tooLarge = true;
        if (!tooLarge) yield chunk;
      }
    },
    out,
  );
  if (tooLarge) {
    await app.blobs.remove(temp);
    throw payloadTooLarge(MAX_IMAGE_BYTES);
  }
  await rename(temp, app.blobs.stagingPath(id));
  app.store.uploads.setBytes(id, received);
  return emptyReply(200);
}
