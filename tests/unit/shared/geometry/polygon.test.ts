import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../shared/api/annotation';
import { boundsFromCorners, ringBounds, ringsBounds } from '../../../../shared/geometry/bounds';
import { pointInRing, pointInRings, signedArea2 } from '../../../../shared/geometry/polygon';

const ring = (...xy: [number, number][]): Point[] => xy.map(([x, y]) => ({ x, y }));
const outer = ring([0, 0], [100, 0], [100, 100], [0, 100]);
const hole = ring([40, 40], [60, 40], [60, 60], [40, 60]);
const innerIsland = ring([45, 45], [55, 45], [55, 55], [45, 55]);
const concave = ring([0, 0], [100, 0], [100, 100], [50, 50], [0, 100]);

describe('pointInRings (even-odd, holes excluded)', () => {
  it.each([
    ['inside the outline', [outer], 10, 10, true],
    ['outside the outline', [outer], 150, 10, false],
    ['inside a hole', [outer, hole], 50, 50, false],
    ['between outline and hole', [outer, hole], 30, 50, true],
    ['in an island inside the hole (even-odd: three rings)', [outer, hole, innerIsland], 50, 50, true],
    ['in the notch of a concave ring', [concave], 50, 80, false],
    ['in a concave ring’s arm', [concave], 10, 80, true],
    ['left of everything', [outer, hole], -1, 50, false],
    ['a degenerate ring (2 points) has no inside', [ring([0, 0], [10, 10])], 5, 5, false],
    ['no rings', [], 5, 5, false],
  ] as [string, Point[][], number, number, boolean][])('%s', (_label, rings, x, y, expected) => {
    expect(pointInRings(x, y, rings)).toBe(expected);
  });

  it('the direction of a ring does not matter', () => {
    const reversed = [...outer].reverse();
    expect(pointInRing(10, 10, reversed)).toBe(true);
    expect(Math.sign(signedArea2(reversed))).toBe(-Math.sign(signedArea2(outer)));
  });
});

describe('ring bounds', () => {
  it.each([
    ['a square', [outer], { minX: 0, minY: 0, maxX: 100, maxY: 100 }],
    ['negative coordinates', [ring([-5, 3], [2, -7], [1, 1])], { minX: -5, minY: -7, maxX: 2, maxY: 3 }],
    ['several rings', [hole, ring([200, -1], [201, 0], [200, 1])], { minX: 40, minY: -1, maxX: 201, maxY: 60 }],
    ['a single point', [ring([3, 4])], { minX: 3, minY: 4, maxX: 3, maxY: 4 }],
  ] as const)('%s', (_label, rings, expected) => {
    expect(ringsBounds(rings as unknown as Point[][])).toEqual(expected);
  });

  it('is null without points, and boundsFromCorners takes corners either way round', () => {
    expect(ringBounds([])).toBeNull();
    expect(ringsBounds([[], []])).toBeNull();
    expect(boundsFromCorners({ x: 10, y: 0 }, { x: 0, y: 10 })).toEqual({ minX: 0, minY: 0, maxX: 10, maxY: 10 });
  });
});
