import { describe, expect, it } from 'vitest';
import { polygonArea, readBox, readRings, ringArea } from '../../../../server/exports/annotationGeometry';

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

describe('ringArea / polygonArea', () => {
  it('is unsigned whatever the winding', () => {
    expect(ringArea(square)).toBe(100);
    expect(ringArea([...square].reverse())).toBe(100);
  });

  it('subtracts every hole from the outer ring', () => {
    const hole1 = [
      { x: 1, y: 1 },
      { x: 3, y: 1 },
      { x: 3, y: 3 },
      { x: 1, y: 3 },
    ];
    const hole2 = [
      { x: 5, y: 5 },
      { x: 7, y: 5 },
      { x: 7, y: 8 },
    ];
    expect(polygonArea([square, hole1, hole2])).toBe(100 - 4 - 3);
    expect(polygonArea([])).toBe(0);
  });
});

describe('readRings / readBox', () => {
  it('reads the legacy single-path polygon form', () => {
    expect(readRings({ type: 'polygon', polygon: { path: square } })).toEqual([square]);
  });

  it.each([
    ['a non-finite number', { type: 'polygon', polygon: { paths: [[{ x: Number.NaN, y: 0 }]] } }],
    ['no geometry', { type: 'polygon' }],
    ['an empty ring list', { type: 'polygon', polygon: { paths: [] } }],
  ])('returns undefined for %s', (_label, annotation) => {
    expect(readRings(annotation)).toBeUndefined();
  });

  it('prefers the stored box and recomputes it for polygons and polylines only', () => {
    expect(readBox({ type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } })).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect(
      readBox({
        type: 'polyline',
        polyline: {
          path: [
            { x: 4, y: 9 },
            { x: 1, y: 2 },
          ],
        },
      }),
    ).toEqual({ x: 1, y: 2, w: 3, h: 7 });
    expect(readBox({ type: 'bbox' })).toBeUndefined();
    expect(readBox({ type: 'keypoint', keypoint: { x: 1, y: 1 } })).toBeUndefined();
  });
});
