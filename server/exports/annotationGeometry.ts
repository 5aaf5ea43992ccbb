import type { BoundingBox, Point } from '../../shared/api/annotation';
import { enclosingBox } from '../../shared/geometry/box';
/**
 * Typed reads of the geometry inside a canonical annotation record. The store has validated
 * everything against §7.3 already, so a malformed value here is a bug upstream; the readers return
 * `undefined` rather than throw so one bad record cannot sink a whole export.
 */
export type XY = Point;
export type Box = BoundingBox;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function readPoint(value: unknown): XY | undefined {
  const record = asRecord(value);
  if (!record || !isFiniteNumber(record.x) || !isFiniteNumber(record.y)) return undefined;
  return { x: record.x, y: record.y };
}

function readPointList(value: unknown): XY[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const points: XY[] = [];
  for (const item of value) {
    const point = readPoint(item);
    if (!point) return undefined;
    points.push(point);
  }
  return points;
}

export function annotationType(annotation: Record<string, unknown>): string {
  return typeof annotation.type === 'string' ? annotation.type : '';
}

export function annotationClass(annotation: Record<string, unknown>): string {
  return typeof annotation.name === 'string' ? annotation.name : '';
}

/** Polygon rings, outer first. Accepts the legacy single-`path` form too, as the store would. */
export function readRings(annotation: Record<string, unknown>): XY[][] | undefined {
  const polygon = asRecord(annotation.polygon);
  if (!polygon) return undefined;
  if (Array.isArray(polygon.paths)) {
    const rings: XY[][] = [];
    for (const ring of polygon.paths) {
      const points = readPointList(ring);
      if (!points) return undefined;
      rings.push(points);
    }
    return rings.length > 0 ? rings : undefined;
  }
  const legacy = readPointList(polygon.path);
  return legacy ? [legacy] : undefined;
}

export function readPolylinePath(annotation: Record<string, unknown>): XY[] | undefined {
  const polyline = asRecord(annotation.polyline);
  return polyline ? readPointList(polyline.path) : undefined;
}

export function readKeypoint(annotation: Record<string, unknown>): XY | undefined {
  return readPoint(annotation.keypoint);
}

/**
 * The annotation's `bounding_box`; for polygons and polylines recomputed from the points when
 * absent (§7.3 defines it as the enclosing rectangle). Keypoints have none.
 */
export function readBox(annotation: Record<string, unknown>): Box | undefined {
  const stored = asRecord(annotation.bounding_box);
  if (
    stored &&
    isFiniteNumber(stored.x) &&
    isFiniteNumber(stored.y) &&
    isFiniteNumber(stored.w) &&
    isFiniteNumber(stored.h)
  ) {
    return { x: stored.x, y: stored.y, w: stored.w, h: stored.h };
  }
  const type = annotationType(annotation);
  if (type === 'polygon') return enclosingBox(readRings(annotation)?.flat() ?? []) ?? undefined;
  if (type === 'polyline') return enclosingBox(readPolylinePath(annotation) ?? []) ?? undefined;
  return undefined;
}

/** Unsigned shoelace area of one ring (closed implicitly). */
export function ringArea(ring: readonly XY[]): number {
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const next = ring[(i + 1) % ring.length]!;
    twiceArea += current.x * next.y - next.x * current.y;
  }
  return Math.abs(twiceArea) / 2;
}

/** §8.1 COCO area: the outer ring minus its holes. */
export function polygonArea(rings: readonly XY[][]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return holes.reduce((area, hole) => area - ringArea(hole), ringArea(outer));
}
