import type { ValidationProblem } from '../api/errors';

/** Collects problems for one annotation; `field` paths follow §2 (`polygon.paths[0][2].x`). */
export type Report = (field: string | undefined, message: string) => void;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Geometry and point objects reject extra keys (§7.3). */
function checkKeys(value: Record<string, unknown>, allowed: readonly string[], field: string, report: Report): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report(field, `unexpected key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function checkNumbers(value: Record<string, unknown>, keys: readonly string[], field: string, report: Report): boolean {
  let ok = true;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) {
      report(`${field}.${key}`, 'is required');
      ok = false;
    } else if (!isFiniteNumber(v)) {
      report(`${field}.${key}`, 'must be a finite number');
      ok = false;
    }
  }
  return ok;
}

export function checkPoint(value: unknown, field: string, report: Report): void {
  if (!isRecord(value)) {
    report(field, 'must be a point {x, y}');
    return;
  }
  checkKeys(value, ['x', 'y'], field, report);
  checkNumbers(value, ['x', 'y'], field, report);
}

export function checkPointList(value: unknown, min: number, field: string, report: Report): void {
  if (!Array.isArray(value)) {
    report(field, 'must be a list of points');
    return;
  }
  if (value.length < min) report(field, `needs at least ${min} points`);
  value.forEach((point, i) => checkPoint(point, `${field}[${i}]`, report));
}

export function checkBoundingBox(value: unknown, mustBePositive: boolean, report: Report): void {
  if (!isRecord(value)) {
    report('bounding_box', 'must be an object {x, y, w, h}');
    return;
  }
  checkKeys(value, ['x', 'y', 'w', 'h'], 'bounding_box', report);
  if (!checkNumbers(value, ['x', 'y', 'w', 'h'], 'bounding_box', report) || !mustBePositive) return;
  if ((value.w as number) <= 0) report('bounding_box.w', 'must be greater than 0');
  if ((value.h as number) <= 0) report('bounding_box.h', 'must be greater than 0');
}

/** `{"paths":[ring,…]}` with ≥1 ring of ≥3 points, or the legacy `{"path":[…]}` — never both. */
export function checkPolygon(value: unknown, report: Report): void {
  if (!isRecord(value)) {
    report('polygon', 'must be an object {paths: [[point, …], …]}');
    return;
  }
  checkKeys(value, ['paths', 'path'], 'polygon', report);
  const hasPaths = value.paths !== undefined;
  const hasPath = value.path !== undefined;
  if (hasPaths && hasPath) {
    report('polygon', 'has both "path" and "paths"; send only "paths"');
    return;
  }
  if (hasPath) {
    checkPointList(value.path, 3, 'polygon.path', report);
    return;
  }
  if (!Array.isArray(value.paths)) {
    report('polygon.paths', 'must be a list of rings');
    return;
  }
  if (value.paths.length === 0) report('polygon.paths', 'needs at least one ring');
  value.paths.forEach((ring, i) => checkPointList(ring, 3, `polygon.paths[${i}]`, report));
}

export function checkPolyline(value: unknown, report: Report): void {
  if (!isRecord(value)) {
    report('polyline', 'must be an object {path: [point, …]}');
    return;
  }
  checkKeys(value, ['path'], 'polyline', report);
  checkPointList(value.path, 2, 'polyline.path', report);
}

export type { ValidationProblem };
