import type { Point } from '../api/annotation';

/**
 * Distances and hit-tests against vertices and edges. Tolerances are in image pixels: callers turn
 * a screen tolerance into image pixels with `toleranceInImage` so that a handle is as easy to hit
 * at 10 % zoom as at 6400 %.
 */

/** A tolerance of `screenPixels` on screen, in image pixels at this zoom (`scale` screen px per image px). */
export function toleranceInImage(screenPixels: number, scale: number): number {
  return scale > 0 && Number.isFinite(scale) ? screenPixels / scale : screenPixels;
}

export interface SegmentProjection {
  /** The closest point of the segment. */
  x: number;
  y: number;
  /** Where it lies along the segment, 0 at `a`, 1 at `b`. */
  t: number;
  distance: number;
}

export function projectOnSegment(px: number, py: number, a: Point, b: Point): SegmentProjection {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  // A zero-length segment (two equal points) is its single point.
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / lengthSq));
  const x = a.x + t * dx;
  const y = a.y + t * dy;
  return { x, y, t, distance: Math.hypot(px - x, py - y) };
}

export function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  return Math.sqrt(distanceToSegmentSq(px, py, a.x, a.y, b.x, b.y));
}

/** Squared distance without allocating: the picking hot path runs it ~20 times per candidate. */
function distanceToSegmentSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSq;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

export interface VertexHit {
  ring: number;
  index: number;
  distance: number;
}

/** The nearest vertex within `tolerance` (ties: the first found), or null. */
export function hitVertex(
  px: number,
  py: number,
  rings: readonly (readonly Point[])[],
  tolerance: number,
): VertexHit | null {
  let best: VertexHit | null = null;
  rings.forEach((ring, r) => {
    ring.forEach((p, index) => {
      const distance = Math.hypot(px - p.x, py - p.y);
      if (distance <= tolerance && (best === null || distance < best.distance)) best = { ring: r, index, distance };
    });
  });
  return best;
}

export interface EdgeHit {
  ring: number;
  /** The edge runs from vertex `index` to `index + 1` (to vertex 0 for a closed ring's last edge). */
  index: number;
  /** The closest point on the edge: where an inserted vertex goes. */
  point: Point;
  t: number;
  distance: number;
}

/**
 * The nearest edge within `tolerance`, or null. `closed`: polygon rings (the last vertex joins the
 * first); false for polylines.
 */
export function hitEdge(
  px: number,
  py: number,
  rings: readonly (readonly Point[])[],
  closed: boolean,
  tolerance: number,
): EdgeHit | null {
  let best: EdgeHit | null = null;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    const edges = closed && ring.length > 2 ? ring.length : ring.length - 1;
    for (let i = 0; i < edges; i++) {
      const hit = projectOnSegment(px, py, ring[i]!, ring[(i + 1) % ring.length]!);
      if (hit.distance <= tolerance && (best === null || hit.distance < best.distance)) {
        best = { ring: r, index: i, point: { x: hit.x, y: hit.y }, t: hit.t, distance: hit.distance };
      }
    }
  }
  return best;
}

/** True when some edge passes within `tolerance` (no allocation: the picking hot path). */
export function nearAnyEdge(
  px: number,
  py: number,
  rings: readonly (readonly Point[])[],
  closed: boolean,
  tolerance: number,
): boolean {
  const limit = tolerance * tolerance;
  for (const ring of rings) {
    const n = ring.length;
    if (n === 1 && (px - ring[0]!.x) ** 2 + (py - ring[0]!.y) ** 2 <= limit) return true;
    const edges = closed && n > 2 ? n : n - 1;
    for (let i = 0; i < edges; i++) {
      const a = ring[i]!;
      const b = ring[i + 1 === n ? 0 : i + 1]!;
      // Most edges of a candidate are far from the point: reject them on their bounds first.
      if ((a.x < px - tolerance && b.x < px - tolerance) || (a.x > px + tolerance && b.x > px + tolerance)) continue;
      if ((a.y < py - tolerance && b.y < py - tolerance) || (a.y > py + tolerance && b.y > py + tolerance)) continue;
      if (distanceToSegmentSq(px, py, a.x, a.y, b.x, b.y) <= limit) return true;
    }
  }
  return false;
}
