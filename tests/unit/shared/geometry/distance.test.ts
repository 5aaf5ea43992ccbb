import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../shared/api/annotation';
import {
  distanceToSegment,
  hitEdge,
  hitVertex,
  nearAnyEdge,
  projectOnSegment,
  toleranceInImage,
} from '../../../../shared/geometry/distance';
import { nearestVertex } from '../../../../shared/geometry/snap';

const ring = (...xy: [number, number][]): Point[] => xy.map(([x, y]) => ({ x, y }));
const a = { x: 0, y: 0 };
const b = { x: 10, y: 0 };

describe('distance from a point to a segment', () => {
  it.each([
    ['above the middle', 5, 3, 3, 0.5],
    ['beyond the end', 13, 4, 5, 1],
    ['before the start', -3, -4, 5, 0],
    ['on the segment', 7, 0, 0, 0.7],
  ])('%s', (_label, x, y, distance, t) => {
    expect(distanceToSegment(x, y, a, b)).toBeCloseTo(distance);
    expect(projectOnSegment(x, y, a, b).t).toBeCloseTo(t);
  });

  it('a zero-length segment is its point', () => {
    expect(distanceToSegment(3, 4, a, a)).toBe(5);
  });
});

describe('edge and vertex hit-testing with a screen tolerance', () => {
  const square = ring([0, 0], [100, 0], [100, 100], [0, 100]);

  it('turns screen pixels into image pixels at the zoom', () => {
    expect(toleranceInImage(4, 2)).toBe(2);
    expect(toleranceInImage(4, 0.25)).toBe(16);
    expect(toleranceInImage(4, 0)).toBe(4);
  });

  it.each([
    ['near the top edge', 50, 3, 4, { ring: 0, index: 0, point: { x: 50, y: 0 } }],
    ['near the closing edge (last → first)', -2, 50, 4, { ring: 0, index: 3, point: { x: 0, y: 50 } }],
    ['too far at this zoom', 50, 6, 4, null],
    ['far at 100 %, near at 25 % (16 image px)', 50, 6, toleranceInImage(4, 0.25), { ring: 0, index: 0 }],
  ])('%s', (_label, x, y, tolerance, expected) => {
    const hit = hitEdge(x, y, [square], true, tolerance);
    if (expected === null) expect(hit).toBeNull();
    else expect(hit).toMatchObject(expected);
  });

  it('an open path has no closing edge', () => {
    expect(hitEdge(-2, 50, [square], false, 4)).toBeNull();
    expect(nearAnyEdge(-2, 50, [square], false, 4)).toBe(false);
    expect(nearAnyEdge(-2, 50, [square], true, 4)).toBe(true);
  });

  it('the nearest vertex within the tolerance wins; holes are rings too', () => {
    const hole = ring([40, 40], [60, 40], [60, 60]);
    expect(hitVertex(98, 97, [square, hole], 5)).toMatchObject({ ring: 0, index: 2 });
    expect(hitVertex(58, 41, [square, hole], 5)).toMatchObject({ ring: 1, index: 1 });
    expect(hitVertex(50, 50, [square, hole], 5)).toBeNull();
  });
});

describe('snapping to the nearest vertex', () => {
  const shapes = [[ring([0, 0], [10, 0])], [ring([12, 1])]];
  it.each([
    ['the nearer of two candidates', 12, 2, 5, { x: 12, y: 1 }],
    ['within the radius only', 30, 30, 5, null],
    ['exactly at the radius', 0, 5, 5, { x: 0, y: 0 }],
  ])('%s', (_label, x, y, radius, expected) => {
    expect(nearestVertex(x, y, shapes, radius)).toEqual(expected);
  });
});
