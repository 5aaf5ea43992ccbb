import type { Annotation, BoundingBox, Point } from '../api/annotation';
import type { Bounds } from '../geometry/bounds';
import { ringsBounds } from '../geometry/bounds';

/**
 * The geometry of an annotation the editor understands, read tolerantly from the wire record, and
 * written back without touching any other field (saves are full overwrites, design §6: a dropped
 * field is destroyed data). Unknown types and malformed geometry read as null: such annotations
 * are shown and kept, never edited.
 */
export type Shape =
  | { kind: 'bbox'; box: BoundingBox }
  | { kind: 'polygon'; rings: Point[][] }
  | { kind: 'polyline'; path: Point[] }
  | { kind: 'keypoint'; point: Point };

export type ShapeKind = Shape['kind'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readPoint(v: unknown): Point | null {
  return isRecord(v) && isFiniteNumber(v.x) && isFiniteNumber(v.y) ? { x: v.x, y: v.y } : null;
}

function readPath(v: unknown, min: number): Point[] | null {
  if (!Array.isArray(v) || v.length < min) return null;
  const points: Point[] = [];
  for (const raw of v) {
    const p = readPoint(raw);
    if (!p) return null;
    points.push(p);
  }
  return points;
}

/** A box with a negative width or height reads as the same rectangle from its other corner. */
function readBox(v: unknown): BoundingBox | null {
  if (!isRecord(v) || ![v.x, v.y, v.w, v.h].every(isFiniteNumber)) return null;
  const [x, y, w, h] = [v.x, v.y, v.w, v.h] as [number, number, number, number];
  return { x: Math.min(x, x + w), y: Math.min(y, y + h), w: Math.abs(w), h: Math.abs(h) };
}

export function shapeOf(annotation: Annotation): Shape | null {
  switch (annotation.type) {
    case 'bbox': {
      const box = readBox(annotation.bounding_box);
      return box ? { kind: 'bbox', box } : null;
    }
    case 'polygon': {
      const geometry: unknown = annotation.polygon;
      if (!isRecord(geometry)) return null;
      const rawRings = Array.isArray(geometry.paths) ? geometry.paths : geometry.path ? [geometry.path] : null;
      if (!rawRings || rawRings.length === 0) return null;
      const rings: Point[][] = [];
      for (const raw of rawRings) {
        const ring = readPath(raw, 3);
        if (!ring) return null;
        rings.push(ring);
      }
      return { kind: 'polygon', rings };
    }
    case 'polyline': {
      const geometry: unknown = annotation.polyline;
      const path = isRecord(geometry) ? readPath(geometry.path, 2) : null;
      return path ? { kind: 'polyline', path } : null;
    }
    case 'keypoint': {
      const point = readPoint(annotation.keypoint);
      return point ? { kind: 'keypoint', point } : null;
    }
    default:
      return null;
  }
}

/** Every vertex as rings: a box's four corners (clockwise from top-left), a path, a single point. */
export function shapeRings(shape: Shape): Point[][] {
  switch (shape.kind) {
    case 'bbox': {
      const { x, y, w, h } = shape.box;
      return [
        [
          { x, y },
          { x: x + w, y },
          { x: x + w, y: y + h },
          { x, y: y + h },
        ],
      ];
    }
    case 'polygon':
      return shape.rings;
    case 'polyline':
      return [shape.path];
    case 'keypoint':
      return [[shape.point]];
  }
}

export function shapeBounds(shape: Shape): Bounds {
  if (shape.kind === 'bbox') {
    const { x, y, w, h } = shape.box;
    return { minX: x, minY: y, maxX: x + w, maxY: y + h };
  }
  return ringsBounds(shapeRings(shape)) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

const boxOf = (b: Bounds): BoundingBox => ({ x: b.minX, y: b.minY, w: b.maxX - b.minX, h: b.maxY - b.minY });

/**
 * The annotation with this geometry and every other field as it was, keys in their original order
 * (spreading over an existing key keeps its position). A polygon's or polyline's `bounding_box` is
 * kept equal to its points when the record has one (the server recomputes it anyway, §7.3); a
 * legacy `polygon.path` is written as `paths`.
 */
export function withShape(annotation: Annotation, shape: Shape): Annotation {
  switch (shape.kind) {
    case 'bbox':
      return { ...annotation, bounding_box: { ...shape.box } };
    case 'polygon': {
      const next: Annotation = { ...annotation, polygon: { paths: shape.rings } };
      return annotation.bounding_box === undefined ? next : { ...next, bounding_box: boxOf(shapeBounds(shape)) };
    }
    case 'polyline': {
      const next: Annotation = { ...annotation, polyline: { path: shape.path } };
      return annotation.bounding_box === undefined ? next : { ...next, bounding_box: boxOf(shapeBounds(shape)) };
    }
    case 'keypoint':
      return { ...annotation, keypoint: { ...shape.point } };
  }
}

/** The geometry fields a new annotation of this shape carries (bounding_box where §7.3 has one). */
export function geometryFields(shape: Shape): Partial<Annotation> {
  switch (shape.kind) {
    case 'bbox':
      return { bounding_box: { ...shape.box } };
    case 'polygon':
      return { polygon: { paths: shape.rings }, bounding_box: boxOf(shapeBounds(shape)) };
    case 'polyline':
      return { polyline: { path: shape.path }, bounding_box: boxOf(shapeBounds(shape)) };
    case 'keypoint':
      return { keypoint: { ...shape.point } };
  }
}

export function translateShape(shape: Shape, dx: number, dy: number): Shape {
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  switch (shape.kind) {
    case 'bbox':
      return { kind: 'bbox', box: { ...shape.box, x: shape.box.x + dx, y: shape.box.y + dy } };
    case 'polygon':
      return { kind: 'polygon', rings: shape.rings.map((ring) => ring.map(move)) };
    case 'polyline':
      return { kind: 'polyline', path: shape.path.map(move) };
    case 'keypoint':
      return { kind: 'keypoint', point: move(shape.point) };
  }
}
