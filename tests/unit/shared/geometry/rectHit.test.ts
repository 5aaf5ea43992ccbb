import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../shared/api/annotation';
import { boundsContain, boundsIntersect } from '../../../../shared/geometry/bounds';
import { ringsIntersectBounds, segmentIntersectsBounds } from '../../../../shared/geometry/rectHit';

const ring = (...xy: [number, number][]): Point[] => xy.map(([x, y]) => ({ x, y }));
const rect = { minX: 10, minY: 10, maxX: 20, maxY: 20 };

describe('segment against a rectangle', () => {
  it.each([
    ['inside', [12, 12], [18, 18], true],
    ['crossing through', [0, 15], [30, 15], true],
    ['crossing a corner diagonally', [5, 15], [15, 5], true],
    ['beside it diagonally', [0, 12], [8, 0], false],
    ['entirely left', [0, 0], [5, 30], false],
    ['touching an edge', [20, 0], [20, 30], true],
  ] as [string, [number, number], [number, number], boolean][])('%s', (_label, [ax, ay], [bx, by], expected) => {
    expect(segmentIntersectsBounds({ x: ax, y: ay }, { x: bx, y: by }, rect)).toBe(expected);
  });
});

describe('shape against a box-select rectangle', () => {
  const big = ring([0, 0], [100, 0], [100, 100], [0, 100]);
  const hole = ring([5, 5], [30, 5], [30, 30], [5, 30]);
  it.each([
    ['a rectangle inside a big polygon touches it', [big], true, true],
    ['the same inside a hole does not', [big, hole], true, false],
    ['an open path around the rectangle does not', [big], false, false],
    ['a vertex inside', [ring([15, 15], [50, 50], [60, 10])], true, true],
  ] as [string, Point[][], boolean, boolean][])('%s', (_label, rings, closed, expected) => {
    expect(ringsIntersectBounds(rings, closed, rect)).toBe(expected);
  });

  it('bounds helpers: touching edges intersect; contain is inclusive', () => {
    expect(boundsIntersect(rect, { minX: 20, minY: 20, maxX: 30, maxY: 30 })).toBe(true);
    expect(boundsIntersect(rect, { minX: 21, minY: 0, maxX: 30, maxY: 30 })).toBe(false);
    expect(boundsContain(rect, rect)).toBe(true);
    expect(boundsContain(rect, { ...rect, maxX: 21 })).toBe(false);
  });
});
