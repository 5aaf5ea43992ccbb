import type { BoundingBox, Point } from '../api/annotation';

/**
 * The smallest rectangle holding all points; w or h may be 0 for degenerate shapes (contract
 * §7.3: polygon and polyline boxes are always this, recomputed). Null when there are no points.
 * One loop, no spreads: aerial polygons reach tens of thousands of points.
 */
export function enclosingBox(points: Iterable<Point>): BoundingBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
