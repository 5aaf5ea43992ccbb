import { describe, expect, it } from 'vitest';
import { fitCamera } from '../../../../renderer/viewer/camera';
import { minimapSize, minimapToWorld, needsMinimap, viewportInMinimap } from '../../../../renderer/viewer/minimap';

const view = { width: 800, height: 600 };
const content = { width: 4096, height: 2048 };

describe('minimap', () => {
  it('is only needed when part of the image is out of view', () => {
    expect(needsMinimap(fitCamera(view, content), view, content)).toBe(false);
    expect(needsMinimap({ scale: 1, x: 0, y: 0 }, view, content)).toBe(true);
  });

  it('keeps the image aspect with the longest side at the minimap size', () => {
    expect(minimapSize(content, 168)).toEqual({ width: 168, height: 84 });
  });

  it('outlines the part in view, clipped to the image', () => {
    const map = minimapSize(content, 168);
    const rect = viewportInMinimap({ scale: 1, x: -2048, y: 0 }, view, content, map);
    expect(rect.x).toBeCloseTo(84);
    expect(rect.width).toBeCloseTo((800 / 4096) * 168);
    expect(rect.height).toBeCloseTo((600 / 2048) * 84);
    const outside = viewportInMinimap({ scale: 1, x: 100, y: 100 }, view, content, map);
    expect(outside.x).toBe(0);
    expect(outside.y).toBe(0);
  });

  it('turns a click in the minimap into the image point under it', () => {
    expect(minimapToWorld({ x: 84, y: 42 }, content, { width: 168, height: 84 })).toEqual({ x: 2048, y: 1024 });
  });
});
