import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { App } from '../app';
import { ApiError } from '../http/apiError';
import type { ImageRow } from '../store/images';
import { sha256Hex } from '../util/hash';

const MAX_SIDE = 256;

export interface Thumbnail {
  path: string;
  size: number;
  sha256: string;
  contentType: 'image/jpeg' | 'image/png';
}

const cannotRender = (): ApiError => new ApiError(404, 'not_found', 'No thumbnail can be rendered for this image.');

/**
 * Thumbnail of contract §7.2: longest side ≤ 256 px, JPEG or PNG. A JPEG/PNG original that
 * already fits is served unchanged; anything else is rendered once with sharp and cached on disk
 * under a name that includes the original's hash (so a changed original never serves a stale one).
 * Pixels are not EXIF-rotated: annotations are in stored pixel coordinates.
 */
export async function renderThumbnail(app: App, image: ImageRow): Promise<Thumbnail> {
  const source = app.blobs.blobPath(image.blob);
  if (image.mime_type === 'image/jpeg' || image.mime_type === 'image/png') {
    const size = await dimensions(source, image);
    if (size.width <= MAX_SIDE && size.height <= MAX_SIDE) {
      return { path: source, size: image.file_size, sha256: image.sha256, contentType: image.mime_type };
    }
  }
  for (const ext of ['jpg', 'png'] as const) {
    const cached = app.blobs.thumbPath(image.id, image.sha256, ext);
    const found = await describe(cached, ext);
    if (found) return found;
  }
  let rendered: { data: Buffer; ext: 'jpg' | 'png' };
  try {
    const pipeline = sharp(source, { animated: false }).resize(MAX_SIDE, MAX_SIDE, {
      fit: 'inside',
      withoutEnlargement: true,
    });
    const meta = await sharp(source).metadata();
    rendered = meta.hasAlpha
      ? { data: await pipeline.png().toBuffer(), ext: 'png' }
      : { data: await pipeline.jpeg({ quality: 82 }).toBuffer(), ext: 'jpg' };
  } catch {
    throw cannotRender();
  }
  const path = app.blobs.thumbPath(image.id, image.sha256, rendered.ext);
  await app.blobs.writeAtomic(path, rendered.data);
  return {
    path,
    size: rendered.data.length,
    sha256: sha256Hex(rendered.data),
    contentType: rendered.ext === 'png' ? 'image/png' : 'image/jpeg',
  };
}

export async function removeThumbnails(app: App, image: ImageRow): Promise<void> {
  await app.blobs.remove(app.blobs.thumbPath(image.id, image.sha256, 'jpg'));
  await app.blobs.remove(app.blobs.thumbPath(image.id, image.sha256, 'png'));
}

async function dimensions(source: string, image: ImageRow): Promise<{ width: number; height: number }> {
  if (image.width !== null && image.height !== null) return { width: image.width, height: image.height };
  try {
    const meta = await sharp(source).metadata();
    if (meta.width === undefined || meta.height === undefined) throw cannotRender();
    return { width: meta.width, height: meta.height };
  } catch {
    throw cannotRender();
  }
}

async function describe(path: string, ext: 'jpg' | 'png'): Promise<Thumbnail | undefined> {
  try {
    const info = await stat(path);
    const data = await readFile(path);
    return {
      path,
      size: info.size,
      sha256: sha256Hex(data),
      contentType: ext === 'png' ? 'image/png' : 'image/jpeg',
    };
  } catch {
    return undefined;
  }
}
