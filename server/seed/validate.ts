import type { SeedClass } from './types';

/**
 * A §7.3 check of generated annotations, strict where the server is strict (geometry and point
 * objects reject extra keys, ids unique, class type respected) and also requiring the canonical
 * output form (`bounding_box` on polygons/polylines equal to the enclosing rectangle). The seed
 * runs it on every annotation before anything is written, and the tests run it again.
 */
const GEOMETRY_KEYS = ['bounding_box', 'polygon', 'polyline', 'keypoint'] as const;
const MAX_ANNOTATIONS = 10_000;

type Problems = string[];
type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Running min/max over every point checked, for the enclosing-rectangle rule. */
interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
const emptyExtent = (): Extent => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

function keyCount(record: Rec): number {
  let count = 0;
  for (const key in record) if (Object.hasOwn(record, key)) count++;
  return count;
}

// Written allocation-free: the aerial tiles alone hold over a million points.
function checkPoint(value: unknown, field: string | (() => string), problems: Problems, extent?: Extent): void {
  if (!isRecord(value) || !isFiniteNumber(value.x) || !isFiniteNumber(value.y) || keyCount(value) !== 2) {
    problems.push(
      `${typeof field === 'string' ? field : field()}: must be {x, y} with finite numbers and no other keys`,
    );
    return;
  }
  if (!extent) return;
  if (value.x < extent.minX) extent.minX = value.x;
  if (value.y < extent.minY) extent.minY = value.y;
  if (value.x > extent.maxX) extent.maxX = value.x;
  if (value.y > extent.maxY) extent.maxY = value.y;
}

function checkPoints(value: unknown, field: string, minimum: number, problems: Problems, extent: Extent): void {
  if (!Array.isArray(value) || value.length < minimum) {
    problems.push(`${field}: needs at least ${minimum} points`);
    return;
  }
  for (let i = 0; i < value.length; i++) checkPoint(value[i], () => `${field}[${i}]`, problems, extent);
}

function checkEnclosingBox(annotation: Rec, extent: Extent, problems: Problems): void {
  if (extent.minX === Infinity) return;
  const box = annotation.bounding_box;
  const expected = { x: extent.minX, y: extent.minY, w: extent.maxX - extent.minX, h: extent.maxY - extent.minY };
  if (!isRecord(box) || box.x !== expected.x || box.y !== expected.y || box.w !== expected.w || box.h !== expected.h) {
    problems.push(`bounding_box: must be the enclosing rectangle ${JSON.stringify(expected)}`);
  }
}

export function annotationProblems(
  annotation: Rec,
  classes: readonly SeedClass[],
  annotationTypes: readonly string[],
): Problems {
  const problems: Problems = [];
  const { id, name, type } = annotation;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 128)
    problems.push('id: non-blank string of at most 128 chars');
  const cls = classes.find((c) => c.name === name);
  if (!cls) problems.push(`name: "${String(name)}" is not a dataset class`);
  if (typeof type !== 'string' || !annotationTypes.includes(type))
    problems.push(`type: "${String(type)}" is not one of the dataset's annotation types`);
  if (cls?.type && cls.type !== type) problems.push(`type: class "${cls.name}" requires ${cls.type}`);
  for (const key of GEOMETRY_KEYS) {
    const allowed = key === 'bounding_box' ? type !== 'keypoint' : key === type;
    if (!allowed && key in annotation) problems.push(`${key}: not allowed on a ${String(type)}`);
  }
  if (type === 'bbox') {
    const box = annotation.bounding_box;
    const ok = isRecord(box) && keyCount(box) === 4 && [box.x, box.y, box.w, box.h].every(isFiniteNumber);
    if (!ok || !((box.w as number) > 0 && (box.h as number) > 0))
      problems.push('bounding_box: {x, y, w > 0, h > 0} required');
  } else if (type === 'polygon') {
    const polygon = annotation.polygon;
    if (!isRecord(polygon) || keyCount(polygon) !== 1 || !Array.isArray(polygon.paths) || polygon.paths.length === 0) {
      problems.push('polygon: {paths: [ring, …]} with at least one ring required');
    } else {
      const extent = emptyExtent();
      polygon.paths.forEach((ring, i) => checkPoints(ring, `polygon.paths[${i}]`, 3, problems, extent));
      checkEnclosingBox(annotation, extent, problems);
    }
  } else if (type === 'polyline') {
    const polyline = annotation.polyline;
    if (!isRecord(polyline) || keyCount(polyline) !== 1 || !('path' in polyline)) {
      problems.push('polyline: {path: [point, …]} required');
    } else {
      const extent = emptyExtent();
      checkPoints(polyline.path, 'polyline.path', 2, problems, extent);
      checkEnclosingBox(annotation, extent, problems);
    }
  } else if (type === 'keypoint') {
    checkPoint(annotation.keypoint, 'keypoint', problems);
  }
  const { confidence, created_by: createdBy, attributes } = annotation;
  if (confidence !== null && !(isFiniteNumber(confidence) && confidence >= 0 && confidence <= 1))
    problems.push('confidence: number in [0, 1]');
  if (createdBy !== null && typeof createdBy !== 'string') problems.push('created_by: string or null');
  if (typeof attributes !== 'object' || attributes === null) problems.push('attributes: object or array');
  return problems;
}

/** Problems of one image's list, each prefixed with the annotation index; empty means valid. */
export function annotationListProblems(
  annotations: readonly Rec[],
  classes: readonly SeedClass[],
  annotationTypes: readonly string[],
): string[] {
  const problems: string[] = [];
  if (annotations.length > MAX_ANNOTATIONS) problems.push(`more than ${MAX_ANNOTATIONS} annotations`);
  const seen = new Set<unknown>();
  annotations.forEach((annotation, index) => {
    if (seen.has(annotation.id)) problems.push(`[${index}] id: duplicate "${String(annotation.id)}"`);
    seen.add(annotation.id);
    for (const problem of annotationProblems(annotation, classes, annotationTypes))
      problems.push(`[${index}] ${problem}`);
  });
  return problems;
}
