import { MAX_ANNOTATION_ID_LENGTH, MAX_ANNOTATIONS_PER_IMAGE } from '../../shared/annotations/limits';
import { enclosingBox } from '../../shared/geometry/box';
import { MAX_VALIDATION_ERRORS, type FieldProblem } from '../http/apiError';
import type { DatasetClassRecord } from '../store/datasets';
import { sha256Hex } from '../util/hash';
import {
  checkBox,
  checkPoint,
  checkPolygon,
  checkPolyline,
  isPlainObject,
  type Box,
  type ProblemSink,
} from './geometry';

export const ANNOTATION_TYPES = ['bbox', 'polygon', 'polyline', 'keypoint'] as const;
export type AnnotationTypeName = (typeof ANNOTATION_TYPES)[number];

const GEOMETRY_KEY: Record<AnnotationTypeName, string> = {
  bbox: 'bounding_box',
  polygon: 'polygon',
  polyline: 'polyline',
  keypoint: 'keypoint',
};
const KNOWN_KEYS = new Set([
  'id',
  'name',
  'type',
  'bounding_box',
  'polygon',
  'polyline',
  'keypoint',
  'confidence',
  'created_by',
  'attributes',
]);

export interface AnnotationRules {
  classes: readonly DatasetClassRecord[];
  annotationTypes: readonly string[];
}

export type CanonicalAnnotation = Record<string, unknown>;

export interface CanonicalList {
  annotations: CanonicalAnnotation[];
  json: string;
  etag: string;
  count: number;
  minConfidence: number | null;
}

/**
 * Validates a whole annotation list against contract §7.3 and returns its canonical form, or
 * the problems found (at most 100, each with the annotation index and a field path relative to
 * that annotation). Unknown keys are preserved in their original order after the known ones.
 */
export function canonicalizeAnnotations(
  input: unknown,
  rules: AnnotationRules,
): { ok: true; list: CanonicalList } | { ok: false; problems: FieldProblem[] } {
  if (!Array.isArray(input)) return { ok: false, problems: [{ field: 'annotations', message: 'must be an array' }] };
  if (input.length > MAX_ANNOTATIONS_PER_IMAGE) {
    return {
      ok: false,
      problems: [{ field: 'annotations', message: `at most ${MAX_ANNOTATIONS_PER_IMAGE} annotations per image` }],
    };
  }
  const classes = new Map(rules.classes.map((c) => [c.name, c]));
  const seenIds = new Set<string>();
  const problems: FieldProblem[] = [];
  const annotations: CanonicalAnnotation[] = [];
  let minConfidence: number | null = null;
  for (let index = 0; index < input.length && problems.length < MAX_VALIDATION_ERRORS; index++) {
    const canonical = canonicalizeOne(input[index], { index, problems }, classes, rules.annotationTypes, seenIds);
    if (!canonical) continue;
    annotations.push(canonical);
    const confidence = canonical.confidence as number;
    if (minConfidence === null || confidence < minConfidence) minConfidence = confidence;
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_VALIDATION_ERRORS) };
  const json = JSON.stringify(annotations);
  return { ok: true, list: { annotations, json, etag: sha256Hex(json), count: annotations.length, minConfidence } };
}

function canonicalizeOne(
  raw: unknown,
  sink: ProblemSink,
  classes: ReadonlyMap<string, DatasetClassRecord>,
  enabledTypes: readonly string[],
  seenIds: Set<string>,
): CanonicalAnnotation | undefined {
  const before = sink.problems.length;
  const fail = (field: string, message: string): void => void sink.problems.push({ index: sink.index, field, message });
  if (!isPlainObject(raw)) {
    fail('', 'annotation must be an object');
    return undefined;
  }

  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') fail('id', 'must be a non-blank string');
  else if (id.length > MAX_ANNOTATION_ID_LENGTH) fail('id', `must be at most ${MAX_ANNOTATION_ID_LENGTH} characters`);
  else if (seenIds.has(id)) fail('id', `duplicate id "${id}"`);
  else seenIds.add(id);

  const type = raw.type;
  const knownType = (ANNOTATION_TYPES as readonly unknown[]).includes(type) ? (type as AnnotationTypeName) : undefined;
  if (!knownType) fail('type', `must be one of ${ANNOTATION_TYPES.join(', ')}`);
  else if (!enabledTypes.includes(knownType)) fail('type', `type "${knownType}" is not enabled for this dataset`);

  const name = raw.name;
  if (typeof name !== 'string') fail('name', 'must be a string');
  else {
    const cls = classes.get(name);
    if (!cls) fail('name', `"${name}" is not a class of this dataset`);
    else if (cls.type && knownType && cls.type !== knownType)
      fail('type', `class "${name}" requires type "${cls.type}"`);
  }

  const geometry = knownType ? checkGeometry(raw, knownType, sink) : undefined;

  let confidence = 1;
  if (raw.confidence !== undefined && raw.confidence !== null) {
    const c = raw.confidence;
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1)
      fail('confidence', 'must be a number from 0 to 1');
    else confidence = c;
  }
  const createdBy = raw.created_by === undefined ? null : raw.created_by;
  if (createdBy !== null && typeof createdBy !== 'string') fail('created_by', 'must be a string or null');
  const attributes = raw.attributes === undefined ? [] : raw.attributes;
  if (typeof attributes !== 'object' || attributes === null) fail('attributes', 'must be an object or an array');

  if (sink.problems.length > before || !knownType || !geometry) return undefined;

  const out: CanonicalAnnotation = { id, name, type: knownType };
  if (knownType !== 'bbox') out[GEOMETRY_KEY[knownType]] = geometry.value;
  if (geometry.box) out.bounding_box = geometry.box;
  out.confidence = confidence;
  out.created_by = createdBy;
  out.attributes = attributes;
  for (const key of Object.keys(raw)) {
    // defineProperty, not assignment: a preserved "__proto__" key must stay a plain data field.
    if (!KNOWN_KEYS.has(key))
      Object.defineProperty(out, key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function checkGeometry(
  raw: Record<string, unknown>,
  type: AnnotationTypeName,
  sink: ProblemSink,
): { value: unknown; box: Box | undefined } | undefined {
  const before = sink.problems.length;
  for (const other of ANNOTATION_TYPES) {
    const key = GEOMETRY_KEY[other];
    if (other === type || key === 'bounding_box') continue;
    if (raw[key] !== undefined)
      sink.problems.push({ index: sink.index, field: key, message: `not allowed on a ${type} annotation` });
  }
  let result: { value: unknown; box: Box | undefined } | undefined;
  switch (type) {
    case 'bbox': {
      if (raw.bounding_box === undefined) {
        sink.problems.push({ index: sink.index, field: 'bounding_box', message: 'is required for a bbox annotation' });
        break;
      }
      const box = checkBox(raw.bounding_box, 'bounding_box', sink);
      if (box) result = { value: box, box };
      break;
    }
    case 'polygon': {
      if (raw.polygon === undefined) {
        sink.problems.push({ index: sink.index, field: 'polygon', message: 'is required for a polygon annotation' });
        break;
      }
      // Checked rings hold ≥ 3 points each and checked paths ≥ 2, so their boxes exist.
      const rings = checkPolygon(raw.polygon, sink);
      if (rings) result = { value: { paths: rings }, box: enclosingBox(rings.flat())! };
      break;
    }
    case 'polyline': {
      if (raw.polyline === undefined) {
        sink.problems.push({ index: sink.index, field: 'polyline', message: 'is required for a polyline annotation' });
        break;
      }
      const path = checkPolyline(raw.polyline, sink);
      if (path) result = { value: { path }, box: enclosingBox(path)! };
      break;
    }
    case 'keypoint': {
      if (raw.bounding_box !== undefined) {
        sink.problems.push({
          index: sink.index,
          field: 'bounding_box',
          message: 'not allowed on a keypoint annotation',
        });
      }
      if (raw.keypoint === undefined) {
        sink.problems.push({ index: sink.index, field: 'keypoint', message: 'is required for a keypoint annotation' });
        break;
      }
      const point = checkPoint(raw.keypoint, 'keypoint', sink);
      if (point) result = { value: point, box: undefined };
      break;
    }
  }
  return sink.problems.length > before ? undefined : result;
}
