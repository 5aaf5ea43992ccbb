import { pictureTarget } from './pictureLimits';

/**
 * Getting an image's pixels onto the stage safely. Chromium caps a canvas near 16,384 px a side
 * and ~268 megapixels, and a decoded bitmap costs 4 bytes a pixel, so big pictures are decoded
 * downscaled (createImageBitmap's resize options) while annotations keep the original pixel
 * space. Anything that fails (HTTP error, corrupt bytes, a PNG that is really text) becomes a
 * `failed` picture with a message, never an exception.
 */
export type Picture =
  | {
      state: 'ready';
      bitmap: ImageBitmap;
      /** The size the picture was decoded at (smaller than the image when downscaled). */
      shownWidth: number;
      shownHeight: number;
      /** The image's own size: the space its annotations use. */
      width: number;
      height: number;
      downscaled: boolean;
    }
  | { state: 'failed'; message: string; width: number | null; height: number | null };

const validSize = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/**
 * Fetches and decodes `url`. `expected` is the size the server reported (null when unknown):
 * with it the decode is downscaled directly; without, the picture is decoded first and shrunk after.
 */
export async function loadPicture(
  url: string,
  expected: { width: number | null; height: number | null; mimeType: string },
): Promise<Picture> {
  const known = validSize(expected.width) && validSize(expected.height);
  const failed = (message: string): Picture => ({
    state: 'failed',
    message,
    width: known ? expected.width : null,
    height: known ? expected.height : null,
  });
  let blob: Blob;
  try {
    const response = await fetch(url);
    if (!response.ok) return failed(`The image could not be loaded (HTTP ${response.status}).`);
    blob = await response.blob();
  } catch (error) {
    return failed(`The image could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    if (known) {
      const target = pictureTarget(expected.width!, expected.height!);
      const bitmap = target.downscaled
        ? await createImageBitmap(blob, {
            resizeWidth: target.width,
            resizeHeight: target.height,
            resizeQuality: 'medium',
          })
        : await createImageBitmap(blob);
      return {
        state: 'ready',
        bitmap,
        shownWidth: bitmap.width,
        shownHeight: bitmap.height,
        width: expected.width!,
        height: expected.height!,
        downscaled: target.downscaled,
      };
    }
    const full = await createImageBitmap(blob);
    const target = pictureTarget(full.width, full.height);
    if (!target.downscaled) {
      return {
        state: 'ready',
        bitmap: full,
        shownWidth: full.width,
        shownHeight: full.height,
        width: full.width,
        height: full.height,
        downscaled: false,
      };
    }
    const small = await createImageBitmap(full, {
      resizeWidth: target.width,
      resizeHeight: target.height,
      resizeQuality: 'medium',
    });
    const size = { width: full.width, height: full.height };
    full.close();
    return {
      state: 'ready',
      bitmap: small,
      shownWidth: small.width,
      shownHeight: small.height,
      ...size,
      downscaled: true,
    };
  } catch {
    return failed(
      `This file could not be decoded as an image (${expected.mimeType || 'unknown type'}): it may be corrupt, or not the type it claims.`,
    );
  }
}
