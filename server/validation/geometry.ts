import type { BoundingBox, Point as SharedPoint } from '../../shared/api/annotation';
import type { FieldProblem } from '../http/apiError';

/**
 * Geometry checks of contract §7.3. Each returns the canonical value, or undefined after pushing
 * problems. Geometry and point objects reject extra keys; numbers must be finite.
 */
export type Point = SharedPoint;
export type Box = BoundingBox;

export interface ProblemSink {
  index: number;
  problems: FieldProblem[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function report(sink: ProblemSink, field: string, message: string): undefined {
  sink.problems.push({ index: sink.index, field, message });
  return undefined;
}

function rejectExtraKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  field: string,
  sink: ProblemSink,
): boolean {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      report(sink, `${field}.${key}`, `unexpected key "${key}"`);
      ok = false;
    }
  }
  return ok;
}

export function checkPoint(value: unknown, field: string, sink: ProblemSink): Point | undefined {
  if (!isPlainObject(value)) return report(sink, field, 'must be a point object {x, y}');
  let ok = rejectExtraKeys(value, ['x', 'y'], field, sink);
  for (const axis of ['x', 'y'] as const) {
    if (!isFiniteNumber(value[axis])) ok = report(sink, `${field}.${axis}`, 'must be a finite number') ?? false;
  }
  return ok ? { x: value.x as number, y: value.y as number } : undefined;
}

function checkPointList(value: unknown, field: string, minPoints: number, sink: ProblemSink): Point[] | undefined {
  if (!Array.isArray(value)) return report(sink, field, 'must be an array of points');
  if (value.length < minPoints) {
    return report(sink, field, `${field.endsWith(']') ? 'ring' : 'path'} needs at least ${minPoints} points`);
  }
  const points: Point[] = [];
  let ok = true;
  value.forEach((p, i) => {
    const point = checkPoint(p, `${field}[${i}]`, sink);
    if (point) points.push(point);
    else ok = false;
  });
  return ok ? points : undefined;
}

export function checkBox(value: unknown, field: string, sink: ProblemSink): Box | undefined {
  if (!isPlainObject(value)) return report(sink, field, 'must be an object {x, y, w, h}');
  let ok = rejectExtraKeys(value, ['x', 'y', 'w', 'h'], field, sink);
  for (const key of ['x', 'y', 'w', 'h'] as const) {
    if (!isFiniteNumber(value[key])) ok = report(sink, `${field}.${key}`, 'must be a finite number') ?? false;
  }
  if (!ok) return undefined;
  const box = { x: value.x as number, y: value.y as number, w: value.w as number, h: value.h as number };
  if (box.w <= 0) ok = report(sink, `${field}.w`, 'must be greater than 0') ?? false;
  if (box.h <= 0) ok = report(sink, `${field}.h`, 'must be greater than 0') ?? false;
  return ok ? box : undefined;
}

/** Accepts `{paths:[ring…]}` and the legacy `{path:[…]}`, which becomes one ring. */
export function checkPolygon(value: unknown, sink: ProblemSink): Point[][] | undefined {
  const field = 'polygon';
  if (!isPlainObject(value)) return report(sink, field, 'must be an object {paths: [ring, …]}');
  if (!rejectExtraKeys(value, ['paths', 'path'], field, sink)) return undefined;
  const hasPaths = value.paths !== undefined;
  const hasPath = value.path !== undefined;
  if (hasPaths && hasPath) return report(sink, field, 'send either "paths" or the legacy "path", not both');
  if (hasPath) {
    const ring = checkPointList(value.path, 'polygon.path', 3, sink);
    return ring ? [ring] : undefined;
  }
  if (!hasPaths) return report(sink, 'polygon.paths', 'is required');
  if (!Array.isArray(value.paths)) return report(sink, 'polygon.paths', 'must be an array of rings');
  if (value.paths.length < 1) return report(sink, 'polygon.paths', 'needs at least 1 ring');
  const rings: Point[][] = [];
  let ok = true;
  value.paths.forEach((ring, i) => {
    const checked = checkPointList(ring, `polygon.paths[${i}]`, 3, sink);
    if (checked) rings.push(checked);
    else ok = false;
  });
  return ok ? rings : undefined;
}

export function checkPolyline(value: unknown, sink: ProblemSink): Point[] | undefined {
  if (!isPlainObject(value)) return report(sink, 'polyline', 'must be an object {path: [point, …]}');
  if (!rejectExtraKeys(value, ['path'], 'polyline', sink)) return undefined;
  if (value.path === undefined) return report(sink, 'polyline.path', 'is required');
  return checkPointList(value.path, 'polyline.path', 2, sink);
}
