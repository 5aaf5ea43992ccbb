import { describe, expect, it } from 'vitest';
import {
  KEEP_VISIBLE,
  MAX_SCALE,
  actualSize,
  centreOn,
  clampCamera,
  fitCamera,
  scaleLimits,
  screenToWorld,
  visibleWorldRect,
  wheelZoomFactor,
  zoomAt,
} from '../../../../renderer/viewer/camera';

const view = { width: 1000, height: 600 };

describe('camera', () => {
  it('fits a wide image to the width and centres it vertically', () => {
    const camera = fitCamera(view, { width: 1928, height: 600 }, 18);
    expect(camera.scale).toBeCloseTo(0.5);
    expect(camera.x).toBeCloseTo(18);
    expect(camera.y).toBeCloseTo(150);
  });

  it('fits a tall image to the height', () => {
    const camera = fitCamera(view, { width: 100, height: 1072 }, 32);
    expect(camera.scale).toBeCloseTo(0.5);
    expect(camera.x).toBeCloseTo(475);
  });

  it('survives a zero-sized image and a zero-sized view', () => {
    const camera = fitCamera({ width: 0, height: 0 }, { width: 0, height: 0 });
    expect(Number.isFinite(camera.scale) && camera.scale > 0).toBe(true);
  });

  it('zooms at a point: the world point under the cursor stays under it', () => {
    const camera = { scale: 0.5, x: 10, y: 20 };
    const at = { x: 300, y: 200 };
    const before = screenToWorld(camera, at);
    const zoomed = zoomAt(camera, at, 2, { min: 0.1, max: 10 });
    expect(zoomed.scale).toBe(1);
    const after = screenToWorld(zoomed, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the zoom to its limits and ignores nonsense factors', () => {
    const camera = { scale: 1, x: 0, y: 0 };
    expect(zoomAt(camera, { x: 0, y: 0 }, 1000, { min: 0.5, max: 8 }).scale).toBe(8);
    expect(zoomAt(camera, { x: 0, y: 0 }, 0.0001, { min: 0.5, max: 8 }).scale).toBe(0.5);
    expect(zoomAt(camera, { x: 0, y: 0 }, Number.NaN, { min: 0.5, max: 8 })).toBe(camera);
    expect(zoomAt(camera, { x: 0, y: 0 }, -2, { min: 0.5, max: 8 })).toBe(camera);
  });

  it('limits: out to half the fit, in to MAX_SCALE', () => {
    const limits = scaleLimits(view, { width: 4096, height: 4096 });
    expect(limits.min).toBeCloseTo(fitCamera(view, { width: 4096, height: 4096 }).scale / 2);
    expect(limits.max).toBe(MAX_SCALE);
  });

  it('100 % keeps the centre of the view on the same image point', () => {
    const camera = { scale: 0.25, x: 100, y: 50 };
    const centre = screenToWorld(camera, { x: 500, y: 300 });
    const one = actualSize(camera, view);
    expect(one.scale).toBe(1);
    const after = screenToWorld(one, { x: 500, y: 300 });
    expect(after.x).toBeCloseTo(centre.x);
    expect(after.y).toBeCloseTo(centre.y);
  });

  it('centres on a world point', () => {
    const camera = centreOn({ scale: 2, x: 0, y: 0 }, view, 100, 50);
    expect(screenToWorld(camera, { x: 500, y: 300 })).toEqual({ x: 100, y: 50 });
  });

  it('keeps part of the image on screen however far one pans', () => {
    const content = { width: 4000, height: 3000 };
    const far = clampCamera({ scale: 1, x: -1e6, y: 1e6 }, view, content);
    expect(far.x).toBe(KEEP_VISIBLE - 4000);
    expect(far.y).toBe(600 - KEEP_VISIBLE);
    const inside = { scale: 1, x: -200, y: -300 };
    expect(clampCamera(inside, view, content)).toEqual(inside);
  });

  it('reports the visible part of the world', () => {
    expect(visibleWorldRect({ scale: 2, x: -100, y: -40 }, view)).toEqual({ x: 50, y: 20, width: 500, height: 300 });
  });

  it('turns wheel deltas in pixels, lines and pages into a bounded zoom factor', () => {
    expect(wheelZoomFactor(-100, 0, 600)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0, 600)).toBeLessThan(1);
    expect(wheelZoomFactor(3, 1, 600)).toBeCloseTo(wheelZoomFactor(48, 0, 600));
    expect(wheelZoomFactor(1e9, 0, 600)).toBeCloseTo(wheelZoomFactor(400, 0, 600));
  });
});
