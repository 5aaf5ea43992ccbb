import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE, pictureTarget } from '../../../../renderer/viewer/pictureLimits';

describe('pictureTarget', () => {
  it('keeps an image that fits as it is', () => {
    expect(pictureTarget(4096, 4096)).toEqual({ width: 4096, height: 4096, downscaled: false });
    expect(pictureTarget(1280, 720)).toEqual({ width: 1280, height: 720, downscaled: false });
  });

  it('shrinks a side beyond the canvas limit, keeping the aspect ratio', () => {
    const target = pictureTarget(20_000, 1_000);
    expect(target.downscaled).toBe(true);
    expect(target.width).toBeLessThanOrEqual(MAX_PICTURE_SIDE);
    expect(target.width / target.height).toBeCloseTo(20, 1);
  });

  it('shrinks an image with too many pixels even when each side fits', () => {
    const target = pictureTarget(16_000, 16_000);
    expect(target.downscaled).toBe(true);
    expect(target.width * target.height).toBeLessThanOrEqual(MAX_PICTURE_PIXELS);
  });

  it('never goes below one pixel', () => {
    expect(pictureTarget(10_000_000, 1, { side: 100, pixels: 100 }).height).toBe(1);
  });
});
