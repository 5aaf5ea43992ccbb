import type { Point } from '../api/annotation';

/** An axis-aligned rectangle by its edges (min ≤ max), in image pixels. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The bounds of one ring or path; null when it has no points. One loop, no spreads. */
export function ringBounds(ring: readonly Point[]): Bounds | null {
  return ringsBounds([ring]);
}

/** The bounds of every point of every ring; null when there are no points. */
export function ringsBounds(rings: readonly (readonly Point[])[]): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const { x, y } of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/** The rectangle spanned by two corners, whichever way round they were given (a drag). */
export function boundsFromCorners(a: Point, b: Point): Bounds {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/** Edges touching counts as intersecting (a box-select rectangle touching a shape selects it). */
export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

export function boundsContain(outer: Bounds, inner: Bounds): boolean {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}

export function boundsContainPoint(b: Bounds, x: number, y: number, margin = 0): boolean {
  return x >= b.minX - margin && x <= b.maxX + margin && y >= b.minY - margin && y <= b.maxY + margin;
}
