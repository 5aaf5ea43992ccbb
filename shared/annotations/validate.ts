import { ANNOTATION_TYPES } from '../api/common';
import type { ValidationProblem } from '../api/errors';
import { checkBoundingBox, checkPoint, checkPolygon, checkPolyline, isRecord } from './geometryChecks';
import type { Report } from './geometryChecks';
import { MAX_ANNOTATION_ID_LENGTH, MAX_ANNOTATIONS_PER_IMAGE } from './limits';

export { canonicalizeForSave } from './canonicalize';

/** Same cap as a server 422 (§2): enough to fix things, bounded for the UI. */
export const MAX_REPORTED_PROBLEMS = 100;

/** What validation needs to know about the dataset; omit it to check structure only. */
export interface DatasetRules {
  classes: readonly { name: string; type?: string | null | undefined }[];
  annotation_types: readonly string[];
}

const GEOMETRY_KEYS = ['polygon', 'polyline', 'keypoint'] as const;

/**
 * Checks an annotation list against §7.3 before it is saved, returning problems shaped like a
 * server 422 (`index`, `field` relative to the annotation, `message`) so the editor shows local and
 * server findings the same way. Pure: never throws, whatever it is given.
 */
export function validateAnnotations(list: unknown, dataset?: DatasetRules): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!Array.isArray(list)) return [{ message: 'annotations must be a list' }];
  if (list.length > MAX_ANNOTATIONS_PER_IMAGE) {
    problems.push({
      field: 'annotations',
      message: `at most ${MAX_ANNOTATIONS_PER_IMAGE} annotations per image (got ${list.length})`,
    });
  }
  const seenIds = new Map<string, number>();
  for (let index = 0; index < list.length && problems.length < MAX_REPORTED_PROBLEMS; index++) {
    const report: Report = (field, message) => {
      if (problems.length >= MAX_REPORTED_PROBLEMS) return;
      problems.push(field === undefined ? { index, message } : { index, field, message });
    };
    checkAnnotation(list[index], index, seenIds, report, dataset);
  }
  return problems;
}

function checkAnnotation(
  value: unknown,
  index: number,
  seenIds: Map<string, number>,
  report: Report,
  dataset: DatasetRules | undefined,
): void {
  if (!isRecord(value)) {
    report(undefined, 'must be an object');
    return;
  }
  checkId(value.id, index, seenIds, report);
  checkOptionalFields(value, report);
  const type = value.type;
  if (typeof type !== 'string' || !(ANNOTATION_TYPES as readonly string[]).includes(type)) {
    // A type this app does not know is passed through verbatim (a save is a full overwrite: dropping
    // or refusing it would lose a colleague's data) when the dataset itself lists it: the server
    // that named it is the one that checks its geometry. Any other unknown type is an error.
    const listedByDataset =
      typeof type === 'string' && type !== '' && dataset?.annotation_types.includes(type) === true;
    if (!listedByDataset) report('type', `must be one of ${ANNOTATION_TYPES.join(', ')}`);
    checkName(value.name, listedByDataset ? (type as string) : null, report, dataset);
    return;
  }
  checkName(value.name, type, report, dataset);
  if (dataset && !dataset.annotation_types.includes(type)) {
    report(
      'type',
      `this dataset does not allow ${type} annotations (allowed: ${dataset.annotation_types.join(', ') || 'none'})`,
    );
  }
  for (const key of GEOMETRY_KEYS) {
    if (key !== type && value[key] !== undefined) report(key, `a ${type} annotation must not have "${key}"`);
  }
  switch (type) {
    case 'bbox':
      if (value.bounding_box === undefined) report('bounding_box', 'is required for a bbox');
      else checkBoundingBox(value.bounding_box, true, report);
      break;
    case 'polygon':
      if (value.polygon === undefined) report('polygon', 'is required for a polygon');
      else checkPolygon(value.polygon, report);
      break;
    case 'polyline':
      if (value.polyline === undefined) report('polyline', 'is required for a polyline');
      else checkPolyline(value.polyline, report);
      break;
    case 'keypoint':
      if (value.bounding_box !== undefined) report('bounding_box', 'a keypoint must not have a bounding_box');
      if (value.keypoint === undefined) report('keypoint', 'is required for a keypoint');
      else checkPoint(value.keypoint, 'keypoint', report);
      break;
  }
}

function checkId(id: unknown, index: number, seenIds: Map<string, number>, report: Report): void {
  if (typeof id !== 'string' || id.trim() === '') {
    report('id', 'must be a non-blank string');
    return;
  }
  if (id.length > MAX_ANNOTATION_ID_LENGTH) report('id', `must be at most ${MAX_ANNOTATION_ID_LENGTH} characters`);
  const earlier = seenIds.get(id);
  if (earlier !== undefined) report('id', `duplicates the id of annotation #${earlier + 1}`);
  else seenIds.set(id, index);
}

function checkName(name: unknown, type: string | null, report: Report, dataset: DatasetRules | undefined): void {
  if (typeof name !== 'string' || name === '') {
    report('name', 'must be a class name');
    return;
  }
  if (!dataset) return;
  const cls = dataset.classes.find((c) => c.name === name);
  if (!cls) report('name', `"${name}" is not a class of this dataset`);
  else if (type !== null && cls.type && cls.type !== type)
    report('type', `class "${name}" takes ${cls.type} annotations, not ${type}`);
}

function checkOptionalFields(value: Record<string, unknown>, report: Report): void {
  const { confidence, created_by: createdBy, attributes } = value;
  if (confidence !== undefined && confidence !== null) {
    if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
      report('confidence', 'must be a number from 0 to 1');
    }
  }
  if (createdBy !== undefined && createdBy !== null && typeof createdBy !== 'string')
    report('created_by', 'must be a string or null');
  if (attributes !== undefined && (typeof attributes !== 'object' || attributes === null)) {
    report('attributes', 'must be an object or a list');
  }
}
