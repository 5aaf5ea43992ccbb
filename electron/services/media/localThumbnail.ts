import sharp from 'sharp';
import { AppError } from '../errors';

export const THUMBNAIL_MAX_SIDE = 256;

export interface MadeThumbnail {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * A thumbnail made in main when the server has none (§13.9): longest side ≤ 256 px, EXIF
 * orientation applied, PNG when the image has transparency (so it stays transparent), else JPEG.
 */
export async function makeThumbnail(source: Uint8Array): Promise<MadeThumbnail> {
  try {
    const image = sharp(source, { failOn: 'none' }).rotate();
    const { hasAlpha } = await image.metadata();
    const resized = image.resize({
      width: THUMBNAIL_MAX_SIDE,
      height: THUMBNAIL_MAX_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    });
    if (hasAlpha) return { bytes: new Uint8Array(await resized.png().toBuffer()), contentType: 'image/png' };
    return { bytes: new Uint8Array(await resized.jpeg({ quality: 82 }).toBuffer()), contentType: 'image/jpeg' };
  } catch (error) {
    throw new AppError({
      code: 'unsupported_media_type',
      message: `No thumbnail could be made from this image: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}
