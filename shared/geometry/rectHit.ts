import type { Point } from '../api/annotation';
import type { Bounds } from './bounds';
import { boundsContainPoint } from './bounds';
import { pointInRings } from './polygon';

/**
 * Box-select geometry: does a shape's outline reach into a rectangle? Exact, not by bounds, so a
 * diagonal line whose bounds overlap the rectangle but which passes beside it is not selected.
 */

/** Cohen–Sutherland outcodes: which side(s) of the rectangle a point lies on. */
function outcode(x: number, y: number, r: Bounds): number {
  return (x < r.minX ? 1 : x > r.maxX ? 2 : 0) | (y < r.minY ? 4 : y > r.maxY ? 8 : 0);
}

/** True when the segment a–b touches the rectangle (ends inside, or crossing it). */
export function segmentIntersectsBounds(a: Point, b: Point, r: Bounds): boolean {
  let x0 = a.x;
  let y0 = a.y;
  let x1 = b.x;
  let y1 = b.y;
  let c0 = outcode(x0, y0, r);
  let c1 = outcode(x1, y1, r);
  // Each round clips one end to a rectangle edge; four rounds settle any segment.
  for (let round = 0; round < 8; round++) {
    if ((c0 | c1) === 0) return true;
    if ((c0 & c1) !== 0) return false;
    const c = c0 !== 0 ? c0 : c1;
    let x: number;
    let y: number;
    if (c & 8) {
      x = x0 + ((x1 - x0) * (r.maxY - y0)) / (y1 - y0);
      y = r.maxY;
    } else if (c & 4) {
      x = x0 + ((x1 - x0) * (r.minY - y0)) / (y1 - y0);
      y = r.minY;
    } else if (c & 2) {
      y = y0 + ((y1 - y0) * (r.maxX - x0)) / (x1 - x0);
      x = r.maxX;
    } else {
      y = y0 + ((y1 - y0) * (r.minX - x0)) / (x1 - x0);
      x = r.minX;
    }
    if (c === c0) {
      x0 = x;
      y0 = y;
      c0 = outcode(x0, y0, r);
    } else {
      x1 = x;
      y1 = y;
      c1 = outcode(x1, y1, r);
    }
  }
  return false;
}

/**
 * True when the shape made of these rings touches the rectangle: a vertex inside it, an edge
 * crossing it, or (closed shapes) the rectangle lying inside the filled area — a small rectangle
 * drawn in the middle of a big polygon touches it. Holes are respected by the even-odd rule.
 */
export function ringsIntersectBounds(rings: readonly (readonly Point[])[], closed: boolean, r: Bounds): boolean {
  for (const ring of rings) {
    for (const p of ring) if (boundsContainPoint(r, p.x, p.y)) return true;
    const edges = closed && ring.length > 2 ? ring.length : ring.length - 1;
    for (let i = 0; i < edges; i++) {
      if (segmentIntersectsBounds(ring[i]!, ring[(i + 1) % ring.length]!, r)) return true;
    }
  }
  return closed && pointInRings(r.minX, r.minY, rings);
}
