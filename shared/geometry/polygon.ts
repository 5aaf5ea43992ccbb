import type { Point } from '../api/annotation';

/**
 * Even-odd point-in-polygon over every ring at once (§7.3: the first ring is the outline, the
 * others are holes, filled by the even-odd rule): a point inside a hole crosses the outline and the
 * hole, an even count, so it is outside. Rings are closed implicitly. A point exactly on an edge
 * may go either way; callers that care test the edges with a tolerance (see distance.ts).
 */
export function pointInRings(x: number, y: number, rings: readonly (readonly Point[])[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(x, y, ring)) inside = !inside;
  return inside;
}

/** Crossing test for one ring (the classic W. Randolph Franklin loop). */
export function pointInRing(x: number, y: number, ring: readonly Point[]): boolean {
  let inside = false;
  const n = ring.length;
  if (n < 3) return false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Twice the signed area (shoelace); 0 for a degenerate ring. */
export function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
  return sum;
}
