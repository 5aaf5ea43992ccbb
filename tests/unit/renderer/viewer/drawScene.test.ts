import { describe, expect, it } from 'vitest';
import {
  LINE_DEVICE_PX,
  MAX_LABELS,
  OUTLINE_DEVICE_PX,
  PATH_POINT_BUDGET,
  drawScene,
} from '../../../../renderer/viewer/drawScene';
import { prepareScene } from '../../../../renderer/viewer/prepareScene';
import { count, recordingContext } from './mockContext';

const classes = [
  { name: 'car', color: '#e6194b' },
  { name: 'road', color: '#3cb44b' },
];
const sq = (x: number, y: number, s: number) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];
const view = (scene: ReturnType<typeof prepareScene>, extra: Partial<Parameters<typeof drawScene>[2]> = {}) => ({
  camera: { scale: 2, x: 0, y: 0 },
  pixelRatio: 1,
  hiddenClasses: new Uint8Array(scene.classes.length),
  visible: null,
  ...extra,
});

describe('drawScene', () => {
  it('draws a class of many polygons with one set of styles and a path per PATH_POINT_BUDGET points', () => {
    const annotations = Array.from({ length: 500 }, (_, i) => ({
      id: `${i}`,
      name: 'road',
      type: 'polygon',
      polygon: { paths: [sq(i, i, 5)] },
    }));
    const scene = prepareScene(annotations, classes);
    const ctx = recordingContext();
    const stats = drawScene(ctx, scene, view(scene));
    expect(stats).toEqual({ shapes: 500, batches: 1, labels: 0 });
    const paths = Math.ceil((500 * 4) / PATH_POINT_BUDGET);
    expect(count(ctx.calls, 'beginPath')).toBe(paths);
    expect(count(ctx.calls, 'fill')).toBe(paths);
    expect(count(ctx.calls, 'stroke')).toBe(paths);
    expect(count(ctx.calls, 'fillStyle=')).toBe(1);
    expect(count(ctx.calls, 'moveTo')).toBe(500);
    expect(count(ctx.calls, 'lineTo')).toBe(1500);
    expect(count(ctx.calls, 'closePath')).toBe(500);
  });

  it('fills a polygon with holes on its own with the even-odd rule: outer ring then holes', () => {
    const scene = prepareScene(
      [
        { id: 'plain', name: 'road', type: 'polygon', polygon: { paths: [sq(200, 200, 10)] } },
        { id: 'court', name: 'road', type: 'polygon', polygon: { paths: [sq(0, 0, 100), sq(40, 40, 20)] } },
      ],
      classes,
    );
    const ctx = recordingContext();
    drawScene(ctx, scene, view(scene));
    const fills = ctx.calls.filter((c) => c[0] === 'fill');
    expect(fills).toEqual([['fill'], ['fill', 'evenodd']]);
    const lastBegin = ctx.calls.map((c) => c[0]).lastIndexOf('beginPath');
    const holedPath = ctx.calls.slice(
      lastBegin,
      ctx.calls.findIndex((c, i) => i > lastBegin && c[0] === 'fill'),
    );
    expect(holedPath.filter((c) => c[0] === 'moveTo')).toEqual([
      ['moveTo', 0, 0],
      ['moveTo', 40, 40],
    ]);
    expect(count(holedPath, 'closePath')).toBe(2);
  });

  it('strokes outlines just under one device pixel at any zoom and pixel ratio', () => {
    const scene = prepareScene(
      [{ id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 5, h: 5 } }],
      classes,
    );
    const ctx = recordingContext();
    drawScene(ctx, scene, view(scene, { camera: { scale: 4, x: 0, y: 0 }, pixelRatio: 2 }));
    const width = ctx.calls.find((c) => c[0] === 'lineWidth=')![1] as number;
    expect(width * 4 * 2).toBeCloseTo(OUTLINE_DEVICE_PX);
    expect(OUTLINE_DEVICE_PX).toBeLessThan(1);
  });

  it('draws polylines open, keypoints as fixed-size dots, and predictions dashed with a confidence tag', () => {
    const scene = prepareScene(
      [
        {
          id: 'l',
          name: 'road',
          type: 'polyline',
          polyline: {
            path: [
              { x: 0, y: 0 },
              { x: 10, y: 0 },
              { x: 10, y: 10 },
            ],
          },
        },
        { id: 'k', name: 'car', type: 'keypoint', keypoint: { x: 3, y: 4 } },
        { id: 'p', name: 'car', type: 'bbox', bounding_box: { x: 10, y: 20, w: 5, h: 5 }, confidence: 0.625 },
      ],
      classes,
    );
    const ctx = recordingContext();
    const stats = drawScene(ctx, scene, view(scene, { camera: { scale: 2, x: 7, y: 9 } }));
    expect(stats.labels).toBe(1);
    // Only the box is closed; the polyline stays open.
    expect(ctx.calls.filter((c) => c[0] === 'closePath')).toHaveLength(1);
    const lineWidths = ctx.calls.filter((c) => c[0] === 'lineWidth=').map((c) => (c[1] as number) * 2);
    expect(lineWidths[1]).toBeCloseTo(LINE_DEVICE_PX);
    expect(ctx.calls).toContainEqual(['arc', 3, 4, 3.5 / 2, 0, Math.PI * 2]);
    expect(ctx.calls).toContainEqual(['setLineDash', [3, 2]]);
    // The tag sits at the box's top-left corner on screen: 10 × 2 + 7, 20 × 2 + 9.
    expect(ctx.calls).toContainEqual(['fillText', '63%', 30, 36]);
  });

  it('labels an unknown type with its name', () => {
    const scene = prepareScene(
      [{ id: 'u', name: 'car', type: 'cuboid', bounding_box: { x: 0, y: 0, w: 4, h: 4 } }],
      classes,
    );
    const ctx = recordingContext();
    drawScene(ctx, scene, view(scene));
    expect(ctx.calls.some((c) => c[0] === 'fillText' && c[1] === '? cuboid')).toBe(true);
  });

  it('skips hidden classes and shapes outside the view', () => {
    const scene = prepareScene(
      [
        { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 5, h: 5 } },
        { id: 'b', name: 'car', type: 'bbox', bounding_box: { x: 50, y: 0, w: 5, h: 5 } },
        { id: 'c', name: 'road', type: 'polygon', polygon: { paths: [sq(0, 0, 4)] } },
      ],
      classes,
    );
    const hidden = new Uint8Array(scene.classes.length);
    hidden[1] = 1;
    const visible = Uint8Array.from([0, 1, 1]);
    const ctx = recordingContext();
    const stats = drawScene(ctx, scene, view(scene, { hiddenClasses: hidden, visible }));
    expect(stats.shapes).toBe(1);
    expect(ctx.calls.filter((c) => c[0] === 'moveTo')).toEqual([['moveTo', 50, 0]]);
  });

  it('draws no tags when there are too many to read', () => {
    const annotations = Array.from({ length: MAX_LABELS + 1 }, (_, i) => ({
      id: `${i}`,
      name: 'car',
      type: 'bbox',
      bounding_box: { x: i, y: 0, w: 1, h: 1 },
      confidence: 0.5,
    }));
    const scene = prepareScene(annotations, classes);
    const ctx = recordingContext();
    expect(drawScene(ctx, scene, view(scene)).labels).toBe(0);
    expect(count(ctx.calls, 'fillText')).toBe(0);
  });
});
