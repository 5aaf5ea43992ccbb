import { describe, expect, it } from 'vitest';
import { checkPolygon, checkPolyline } from '../../../../shared/annotations/geometryChecks';

// The point minimums of §7.3, checked on the geometry alone: a ring (modern or legacy) needs 3
// points, a polyline 2. The legacy `polygon.path` is easy to forget because it is rarely sent.
const pts = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i * i }));

function problemsOf(
  check: (value: unknown, report: (f: string | undefined, m: string) => void) => void,
  value: unknown,
) {
  const found: { field: string | undefined; message: string }[] = [];
  check(value, (field, message) => found.push({ field, message }));
  return found;
}

describe('shared geometry checks: point minimums', () => {
  it.each([
    ['legacy polygon.path of 2 points', { path: pts(2) }, 'polygon.path'],
    ['legacy polygon.path of 0 points', { path: [] }, 'polygon.path'],
    ['polygon ring of 2 points', { paths: [pts(2)] }, 'polygon.paths[0]'],
    ['second ring (a hole) of 2 points', { paths: [pts(4), pts(2)] }, 'polygon.paths[1]'],
  ])('refuses a %s', (_name, polygon, field) => {
    expect(problemsOf(checkPolygon, polygon)).toEqual([{ field, message: 'needs at least 3 points' }]);
  });

  it.each([
    ['legacy polygon.path of 3 points', { path: pts(3) }],
    ['polygon ring of 3 points', { paths: [pts(3)] }],
    ['polygon with a hole', { paths: [pts(5), pts(3)] }],
  ])('accepts a %s', (_name, polygon) => {
    expect(problemsOf(checkPolygon, polygon)).toEqual([]);
  });

  it.each([
    ['1 point', { path: pts(1) }, [{ field: 'polyline.path', message: 'needs at least 2 points' }]],
    ['2 points', { path: pts(2) }, []],
  ])('a polyline of %s', (_name, polyline, expected) => {
    expect(problemsOf(checkPolyline, polyline)).toEqual(expected);
  });
});
