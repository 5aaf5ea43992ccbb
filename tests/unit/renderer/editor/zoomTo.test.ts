import { describe, expect, it } from 'vitest';
import {
  ZOOM_TO_FILL,
  ZOOM_TO_MAX_SCALE,
  cameraForRect,
  fitCamera,
  scaleLimits,
  zoomToLimits,
} from '../../../../renderer/viewer/camera';

const view = { width: 1000, height: 600 };
const image = { width: 4096, height: 4096 };
const limits = zoomToLimits(view, image);
/** Where a world point lands on screen under a camera. */
const screen = (c: { scale: number; x: number; y: number }, x: number, y: number) => ({
  x: x * c.scale + c.x,
  y: y * c.scale + c.y,
});

describe('cameraForRect (the annotation list: click to select and zoom to)', () => {
  it('centres the annotation and makes it fill ZOOM_TO_FILL of the view on its tighter axis', () => {
    const rect = { x: 1000, y: 2000, width: 400, height: 100 };
    const camera = cameraForRect(view, rect, limits);
    expect(camera.scale).toBeCloseTo((view.width * ZOOM_TO_FILL) / rect.width);
    expect(screen(camera, 1200, 2050)).toEqual({ x: 500, y: 300 });
    expect(rect.width * camera.scale).toBeCloseTo(view.width * ZOOM_TO_FILL);
    expect(rect.height * camera.scale).toBeLessThan(view.height * ZOOM_TO_FILL);
  });

  it('never zooms above the cap, even for a keypoint (a zero-size rect) or a sliver', () => {
    expect(limits.max).toBe(ZOOM_TO_MAX_SCALE);
    const keypoint = cameraForRect(view, { x: 30, y: 40, width: 0, height: 0 }, limits);
    expect(keypoint.scale).toBe(ZOOM_TO_MAX_SCALE);
    expect(screen(keypoint, 30, 40)).toEqual({ x: 500, y: 300 });
    expect(cameraForRect(view, { x: 0, y: 0, width: 0.01, height: 0.02 }, limits).scale).toBe(ZOOM_TO_MAX_SCALE);
    // 50 px wide would want 1000 × 0.5 / 50 = 10: capped.
    expect(cameraForRect(view, { x: 0, y: 0, width: 50, height: 20 }, limits).scale).toBe(ZOOM_TO_MAX_SCALE);
  });

  it('on a tiny image never zooms out past the whole-image fit, and never past the stage maximum', () => {
    const tiny = { width: 64, height: 48 };
    const fit = fitCamera(view, tiny).scale;
    expect(fit).toBeGreaterThan(ZOOM_TO_MAX_SCALE);
    const small = zoomToLimits(view, tiny);
    expect(small.max).toBe(fit);
    expect(cameraForRect(view, { x: 10, y: 10, width: 2, height: 2 }, small).scale).toBe(fit);
    expect(small.max).toBeLessThanOrEqual(scaleLimits(view, tiny).max);
  });

  it('zooms out for an annotation larger than the view, down to the stage minimum', () => {
    const huge = cameraForRect(view, { x: 0, y: 0, width: 4000, height: 2000 }, limits);
    expect(huge.scale).toBeCloseTo(500 / 4000);
    expect(cameraForRect(view, { x: 0, y: 0, width: 1e7, height: 1e7 }, limits).scale).toBe(limits.min);
  });

  it('a NaN size (unusable bounds) gets the maximum, never a NaN scale', () => {
    expect(cameraForRect(view, { x: 0, y: 0, width: Number.NaN, height: Number.NaN }, limits).scale).toBe(limits.max);
  });
});
