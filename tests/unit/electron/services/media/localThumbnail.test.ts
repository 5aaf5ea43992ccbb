import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../electron/services/errors';
import { makeThumbnail, THUMBNAIL_MAX_SIDE } from '../../../../../electron/services/media/localThumbnail';

const image = async (width: number, height: number, channels: 3 | 4, format: 'png' | 'jpeg' | 'webp') => {
  const blank = sharp({
    create: { width, height, channels, background: { r: 200, g: 30, b: 60, alpha: channels === 4 ? 0.5 : 1 } },
  });
  const encoded = format === 'png' ? blank.png() : format === 'jpeg' ? blank.jpeg() : blank.webp();
  return new Uint8Array(await encoded.toBuffer());
};

describe('makeThumbnail', () => {
  it.each([
    [1200, 600, 256, 128],
    [300, 900, 85, 256],
    [256, 256, 256, 256],
  ])('fits %ix%i into 256 px (→ %ix%i) as JPEG when opaque', async (w, h, tw, th) => {
    const thumb = await makeThumbnail(await image(w, h, 3, 'jpeg'));
    expect(thumb.contentType).toBe('image/jpeg');
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', tw, th]);
  });

  it('never enlarges a small image', async () => {
    const meta = await sharp((await makeThumbnail(await image(40, 30, 3, 'webp'))).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([40, 30]);
  });

  it('keeps transparency as PNG', async () => {
    const thumb = await makeThumbnail(await image(1000, 500, 4, 'png'));
    expect(thumb.contentType).toBe('image/png');
    const meta = await sharp(thumb.bytes).metadata();
    expect(meta.hasAlpha).toBe(true);
    expect(Math.max(meta.width!, meta.height!)).toBe(THUMBNAIL_MAX_SIDE);
  });

  it.each([
    ['garbage', new TextEncoder().encode('definitely not an image')],
    ['empty', new Uint8Array()],
  ])('reports %s input as an AppError', async (_label, bytes) => {
    const error = await makeThumbnail(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unsupported_media_type');
  });
});
