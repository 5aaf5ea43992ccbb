import type { Annotation, BoundingBox, Point } from '../api/annotation';
import { isRecord } from './geometryChecks';

/**
 * What we send in a save (a full overwrite, §7.4): every field kept verbatim, unknown ones
 * included, except that polygon/polyline bounding boxes are recomputed from the points (the server
 * does the same, so the local copy matches what comes back) and a legacy `polygon.path` becomes
 * `paths`. Call after validateAnnotations; anything it cannot read is passed through untouched.
 */
export function canonicalizeForSave(list: readonly Annotation[]): Annotation[] {
  return list.map(canonicalizeOne);
}

function canonicalizeOne(annotation: Annotation): Annotation {
  if (annotation.type === 'polygon' && isRecord(annotation.polygon)) {
    const polygon = annotation.polygon as Record<string, unknown>;
    const paths = Array.isArray(polygon.paths) ? polygon.paths : Array.isArray(polygon.path) ? [polygon.path] : null;
    if (paths === null) return annotation;
    const box = enclosingBox(paths.flat() as Point[]);
    return { ...annotation, polygon: { paths: paths as Point[][] }, ...(box ? { bounding_box: box } : {}) };
  }
  if (annotation.type === 'polyline' && isRecord(annotation.polyline) && Array.isArray(annotation.polyline.path)) {
    const box = enclosingBox(annotation.polyline.path);
    return box ? { ...annotation, bounding_box: box } : annotation;
  }
  return annotation;
}

/** The smallest rectangle holding all points; w or h may be 0 (§7.3). Null without usable points. */
export function enclosingBox(points: readonly Point[]): BoundingBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (!isRecord(p) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
