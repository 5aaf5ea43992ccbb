import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../../../renderer/viewer/grid';

/** Boxes as bounds, and the brute-force answer to compare the grid with. */
function boxes(list: [number, number, number, number][]): Float64Array {
  return Float64Array.from(list.flat());
}
function brute(bounds: Float64Array, minX: number, minY: number, maxX: number, maxY: number): number[] {
  const hits: number[] = [];
  for (let i = 0; i < bounds.length / 4; i++) {
    if (
      bounds[i * 4]! <= maxX &&
      bounds[i * 4 + 2]! >= minX &&
      bounds[i * 4 + 1]! <= maxY &&
      bounds[i * 4 + 3]! >= minY
    )
      hits.push(i);
  }
  return hits;
}
const marked = (out: Uint8Array) => [...out.keys()].filter((i) => out[i] === 1);

describe('SpatialGrid', () => {
  it('finds exactly the shapes touching a rectangle (random shapes, random views)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const list: [number, number, number, number][] = [];
    for (let i = 0; i < 2000; i++) {
      const x = rnd() * 4096;
      const y = rnd() * 4096;
      list.push([x, y, x + rnd() * 80, y + rnd() * 80]);
    }
    const bounds = boxes(list);
    const grid = new SpatialGrid(bounds, { minX: 0, minY: 0, maxX: 4096, maxY: 4096 });
    expect(grid.cols * grid.rows).toBeGreaterThan(100);
    for (let q = 0; q < 50; q++) {
      const x = rnd() * 4096;
      const y = rnd() * 4096;
      const [x2, y2] = [x + rnd() * 900, y + rnd() * 600];
      const out = new Uint8Array(2000);
      const n = grid.query(x, y, x2, y2, out);
      expect(marked(out)).toEqual(brute(bounds, x, y, x2, y2));
      expect(n).toBe(marked(out).length);
    }
  });

  it('agrees with brute force on fixed views', () => {
    const bounds = boxes([
      [0, 0, 10, 10],
      [500, 500, 520, 510],
      [90, 90, 95, 95],
      [-1e6, -1e6, -1e6 + 5, -1e6 + 5],
      [0, 0, 1000, 1000],
      [200, 800, 200, 800],
    ]);
    const grid = new SpatialGrid(bounds, { minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 1);
    for (const [a, b, c, d] of [
      [0, 0, 50, 50],
      [480, 480, 600, 600],
      [-2e6, -2e6, -9e5, -9e5],
      [199, 799, 201, 801],
      [2000, 2000, 3000, 3000],
    ] as const) {
      const out = new Uint8Array(6);
      grid.query(a, b, c, d, out);
      expect(marked(out)).toEqual(brute(bounds, a, b, c, d));
    }
  });

  it('finds shapes far outside the extent through the edge cells', () => {
    const bounds = boxes([[5000, 5000, 5010, 5010]]);
    const grid = new SpatialGrid(bounds, { minX: 0, minY: 0, maxX: 100, maxY: 100 });
    const out = new Uint8Array(1);
    expect(grid.query(4990, 4990, 5020, 5020, out)).toBe(1);
    const none = new Uint8Array(1);
    expect(grid.query(90, 90, 100, 100, none)).toBe(0);
  });

  it('answers a point query for picking', () => {
    const grid = new SpatialGrid(
      boxes([
        [0, 0, 10, 10],
        [5, 5, 20, 20],
      ]),
      { minX: 0, minY: 0, maxX: 20, maxY: 20 },
    );
    const out = new Uint8Array(2);
    expect(grid.at(7, 7, out)).toBe(2);
    const one = new Uint8Array(2);
    expect(grid.at(15, 15, one)).toBe(1);
    expect(marked(one)).toEqual([1]);
  });

  it('handles an empty scene and a degenerate extent', () => {
    const grid = new SpatialGrid(new Float64Array(0), { minX: 3, minY: 3, maxX: 3, maxY: 3 });
    expect(grid.query(0, 0, 10, 10, new Uint8Array(0))).toBe(0);
  });
});
