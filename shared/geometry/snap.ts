import type { Point } from '../api/annotation';

/**
 * The vertex nearest to (x, y) among candidate shapes' vertices, within `radius` (image pixels), or
 * null. The candidates come from a spatial index (the editor's pick index queries only the cells
 * around the point), so this stays cheap at 10,000 shapes.
 */
export function nearestVertex(
  x: number,
  y: number,
  candidates: Iterable<readonly (readonly Point[])[]>,
  radius: number,
): Point | null {
  let best: Point | null = null;
  let bestDistance = radius;
  for (const rings of candidates) {
    for (const ring of rings) {
      for (const p of ring) {
        const d = Math.hypot(p.x - x, p.y - y);
        if (d <= bestDistance) {
          bestDistance = d;
          best = p;
        }
      }
    }
  }
  return best === null ? null : { x: best.x, y: best.y };
}
