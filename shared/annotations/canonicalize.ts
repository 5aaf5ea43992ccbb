import type { Annotation, BoundingBox, Point } from '../api/annotation';
import { enclosingBox } from '../geometry/box';
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
    const box = boxOfUntrusted(paths.flat());
    return { ...annotation, polygon: { paths: paths as Point[][] }, ...(box ? { bounding_box: box } : {}) };
  }
  if (annotation.type === 'polyline' && isRecord(annotation.polyline) && Array.isArray(annotation.polyline.path)) {
    const box = boxOfUntrusted(annotation.polyline.path);
    return box ? { ...annotation, bounding_box: box } : annotation;
  }
  return annotation;
}

/** The enclosing box of points that may be malformed (unvalidated input): null if any is unusable. */
function boxOfUntrusted(points: readonly unknown[]): BoundingBox | null {
  const usable = points.every((p) => isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y));
  return usable ? enclosingBox(points as Point[]) : null;
}

/**
 * An annotation as the server stores it (§7.3 defaults): `confidence` null or absent is 1,
 * `created_by` absent is null, `attributes` absent is []. Every other field is kept verbatim. The
 * catalog keeps a just-saved document in this form, so reading it back before the server's copy
 * is re-read shows what the server holds; the merge compares annotations in this form too.
 */
export function withStoredDefaults(annotation: Annotation): Annotation {
  return {
    ...annotation,
    confidence: annotation.confidence ?? 1,
    created_by: annotation.created_by ?? null,
    attributes: annotation.attributes ?? [],
  };
}
