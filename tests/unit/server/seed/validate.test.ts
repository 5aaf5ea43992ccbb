import { describe, expect, it } from 'vitest';
import { annotationListProblems, annotationProblems } from '../../../../server/seed/validate';

const classes = [
  { name: 'car', color: '#e6194b', type: 'bbox' },
  { name: 'road', color: '#3cb44b', type: 'polygon' },
  { name: 'lane', color: '#ffe119', type: 'polyline' },
  { name: 'head', color: '#4363d8', type: 'keypoint' },
  { name: 'thing', color: '#f58231' },
];
const types = ['bbox', 'polygon', 'polyline', 'keypoint'];
const tail = { confidence: 1, created_by: null, attributes: [] };
const box = { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 }, ...tail };
const ring = [
  { x: 0, y: 0 },
  { x: 4, y: 0 },
  { x: 4, y: 3 },
];
const polygon = {
  id: 'p',
  name: 'road',
  type: 'polygon',
  polygon: { paths: [ring] },
  bounding_box: { x: 0, y: 0, w: 4, h: 3 },
  ...tail,
};
const polyline = {
  id: 'l',
  name: 'lane',
  type: 'polyline',
  polyline: {
    path: [
      { x: 1, y: 1 },
      { x: 3, y: 5 },
    ],
  },
  bounding_box: { x: 1, y: 1, w: 2, h: 4 },
  ...tail,
};
const keypoint = { id: 'k', name: 'head', type: 'keypoint', keypoint: { x: 1, y: 1 }, ...tail };

describe('annotationProblems', () => {
  it.each([
    box,
    polygon,
    polyline,
    keypoint,
    { ...box, name: 'thing' },
    { ...box, extra: { kept: true }, confidence: null, created_by: 'u' },
  ])('accepts a valid %j', (annotation) => {
    expect(annotationProblems(annotation, classes, types)).toEqual([]);
  });

  it.each([
    ['a blank id', { ...box, id: ' ' }, /^id/],
    ['an id over 128 chars', { ...box, id: 'x'.repeat(129) }, /^id/],
    ['an unknown class', { ...box, name: 'Car' }, /^name/],
    ['a type the class forbids', { ...polygon, name: 'car' }, /requires bbox/],
    ['a type outside the dataset', { ...box, type: 'cuboid' }, /^type/],
    ['a zero-width bbox', { ...box, bounding_box: { x: 1, y: 2, w: 0, h: 4 } }, /^bounding_box/],
    ['a bbox with an extra key', { ...box, bounding_box: { x: 1, y: 2, w: 3, h: 4, z: 0 } }, /^bounding_box/],
    ['a NaN coordinate', { ...box, bounding_box: { x: Number.NaN, y: 2, w: 3, h: 4 } }, /^bounding_box/],
    ['a ring of two points', { ...polygon, polygon: { paths: [ring.slice(0, 2)] } }, /paths\[0\]: needs at least 3/],
    ['no rings', { ...polygon, polygon: { paths: [] } }, /^polygon/],
    ['the legacy path form', { ...polygon, polygon: { path: ring } }, /^polygon/],
    [
      'a point with an extra key',
      { ...polygon, polygon: { paths: [[...ring.slice(0, 2), { x: 4, y: 3, z: 1 }]] } },
      /paths\[0\]\[2\]/,
    ],
    [
      'a polygon box that is not the enclosing rectangle',
      { ...polygon, bounding_box: { x: 0, y: 0, w: 5, h: 3 } },
      /enclosing rectangle/,
    ],
    ['a one-point polyline', { ...polyline, polyline: { path: [{ x: 1, y: 1 }] } }, /at least 2/],
    [
      'a bounding box on a keypoint',
      { ...keypoint, bounding_box: { x: 0, y: 0, w: 1, h: 1 } },
      /not allowed on a keypoint/,
    ],
    ['polygon geometry on a bbox', { ...box, polygon: { paths: [ring] } }, /polygon: not allowed on a bbox/],
    ['a confidence above 1', { ...box, confidence: 1.2 }, /^confidence/],
    ['a numeric created_by', { ...box, created_by: 7 }, /^created_by/],
    ['string attributes', { ...box, attributes: 'occluded' }, /^attributes/],
  ])('rejects %s', (_label, annotation, problem) => {
    const problems = annotationProblems(annotation as Record<string, unknown>, classes, types);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('; '),
    ).toBe(true);
  });
});

describe('annotationListProblems', () => {
  it('reports duplicate ids with their index', () => {
    expect(annotationListProblems([box, polygon, { ...keypoint, id: 'a' }], classes, types)).toEqual([
      '[2] id: duplicate "a"',
    ]);
  });

  it('refuses more than 10,000 annotations per image', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ ...box, id: `b${i}` }));
    expect(annotationListProblems(many, classes, types)).toEqual(['more than 10000 annotations']);
  });
});
