import { describe, expect, it } from 'vitest';
import { checkPolygon, checkPolyline } from '../../../../server/validation/geometry';
import type { ProblemSink } from '../../../../server/validation/geometry';

// pictograph-local is the reference the client is tested against, so its §7.3 point minimums
// are held on their own: a ring (modern or legacy) needs 3 points, a polyline 2.
const pts = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i * i }));

function run<T>(check: (value: unknown, sink: ProblemSink) => T, value: unknown) {
  const sink: ProblemSink = { index: 4, problems: [] };
  return { result: check(value, sink), problems: sink.problems };
}

describe('server geometry checks: point minimums', () => {
  it.each([
    ['legacy polygon.path of 2 points', { path: pts(2) }, 'polygon.path', 'path needs at least 3 points'],
    ['legacy polygon.path of 0 points', { path: [] }, 'polygon.path', 'path needs at least 3 points'],
    ['polygon ring of 2 points', { paths: [pts(2)] }, 'polygon.paths[0]', 'ring needs at least 3 points'],
    [
      'second ring (a hole) of 2 points',
      { paths: [pts(4), pts(2)] },
      'polygon.paths[1]',
      'ring needs at least 3 points',
    ],
  ])('refuses a %s', (_name, polygon, field, message) => {
    expect(run(checkPolygon, polygon)).toEqual({ result: undefined, problems: [{ index: 4, field, message }] });
  });

  it.each([
    ['legacy polygon.path of 3 points, stored as one ring', { path: pts(3) }, [pts(3)]],
    ['polygon ring of 3 points', { paths: [pts(3)] }, [pts(3)]],
    ['polygon with a hole', { paths: [pts(5), pts(3)] }, [pts(5), pts(3)]],
  ])('accepts a %s', (_name, polygon, rings) => {
    expect(run(checkPolygon, polygon)).toEqual({ result: rings, problems: [] });
  });

  it.each([
    [
      '1 point',
      { path: pts(1) },
      undefined,
      [{ index: 4, field: 'polyline.path', message: 'path needs at least 2 points' }],
    ],
    ['2 points', { path: pts(2) }, pts(2), []],
  ])('a polyline of %s', (_name, polyline, result, problems) => {
    expect(run(checkPolyline, polyline)).toEqual({ result, problems });
  });
});
