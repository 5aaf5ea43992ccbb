import { describe, expect, it } from 'vitest';
import { canonicalizeAnnotations, type AnnotationRules } from '../../../../server/validation/annotations';

const rules: AnnotationRules = {
  classes: [
    { name: 'car', color: '#e6194b', type: 'bbox' },
    { name: 'road', color: '#3cb44b', type: 'polygon' },
    { name: 'lane', color: '#ffe119' },
    { name: 'head', color: '#4363d8', type: 'keypoint' },
  ],
  annotationTypes: ['bbox', 'polygon', 'polyline', 'keypoint'],
};

const bbox = { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } };
const ring = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 5 },
];
const polygon = { id: 'p', name: 'road', type: 'polygon', polygon: { paths: [ring] } };
const polyline = {
  id: 'l',
  name: 'lane',
  type: 'polyline',
  polyline: {
    path: [
      { x: 1, y: 1 },
      { x: 4, y: 9 },
    ],
  },
};
const keypoint = { id: 'k', name: 'head', type: 'keypoint', keypoint: { x: 3, y: 4 } };

function canonical(list: unknown[]) {
  const result = canonicalizeAnnotations(list, rules);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.list;
}

function problems(list: unknown) {
  const result = canonicalizeAnnotations(list, rules);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('canonical output', () => {
  it('fills defaults and orders keys: id, name, type, geometry, bounding_box, confidence, created_by, attributes, extras', () => {
    const list = canonical([
      { extra: 'kept', ...bbox },
      { ...polygon, confidence: 0.87, created_by: 'u-17', attributes: { a: 1 } },
    ]);
    expect(JSON.stringify(list.annotations[0])).toBe(
      '{"id":"a","name":"car","type":"bbox","bounding_box":{"x":1,"y":2,"w":3,"h":4},"confidence":1,"created_by":null,"attributes":[],"extra":"kept"}',
    );
    expect(list.annotations[1]).toEqual({
      ...polygon,
      bounding_box: { x: 0, y: 0, w: 10, h: 5 },
      confidence: 0.87,
      created_by: 'u-17',
      attributes: { a: 1 },
    });
    expect(Object.keys(list.annotations[1]!)).toEqual([
      'id',
      'name',
      'type',
      'polygon',
      'bounding_box',
      'confidence',
      'created_by',
      'attributes',
    ]);
    expect(list.count).toBe(2);
    expect(list.minConfidence).toBe(0.87);
    expect(list.json).toBe(JSON.stringify(list.annotations));
    expect(list.etag).toMatch(/^[0-9a-f]{64}$/);
  });

  it('recomputes polygon/polyline bounding boxes over all rings, ignoring what was sent', () => {
    const hole = [
      { x: -5, y: 2 },
      { x: 3, y: 2 },
      { x: 3, y: 30 },
    ];
    const list = canonical([
      { ...polygon, polygon: { paths: [ring, hole] }, bounding_box: { x: 99, y: 99, w: -1, h: 'junk' } },
      polyline,
    ]);
    expect(list.annotations[0]!.bounding_box).toEqual({ x: -5, y: 0, w: 15, h: 30 });
    expect(list.annotations[1]!.bounding_box).toEqual({ x: 1, y: 1, w: 3, h: 8 });
  });

  it('allows zero-size boxes for degenerate polylines', () => {
    const flat = {
      ...polyline,
      polyline: {
        path: [
          { x: 1, y: 1 },
          { x: 1, y: 1 },
        ],
      },
    };
    expect(canonical([flat]).annotations[0]!.bounding_box).toEqual({ x: 1, y: 1, w: 0, h: 0 });
  });

  it('stores the legacy polygon.path as paths with one ring', () => {
    const list = canonical([{ ...polygon, polygon: { path: ring } }]);
    expect(list.annotations[0]!.polygon).toEqual({ paths: [ring] });
  });

  it('keypoints never get a bounding box; null confidence counts as 1', () => {
    const list = canonical([{ ...keypoint, confidence: null }]);
    expect(list.annotations[0]).toEqual({ ...keypoint, confidence: 1, created_by: null, attributes: [] });
    expect(list.minConfidence).toBe(1);
  });

  it('preserves unknown keys verbatim, including one named __proto__', () => {
    const raw = JSON.parse(
      '{"id":"a","name":"car","type":"bbox","bounding_box":{"x":1,"y":2,"w":3,"h":4},"__proto__":{"evil":1},"nested":{"deep":[1,{"z":null}]}}',
    );
    const out = canonical([raw]).annotations[0]!;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(out)).nested).toEqual({ deep: [1, { z: null }] });
    expect(JSON.stringify(out)).toContain('"__proto__":{"evil":1}');
  });

  it('empty list: no min confidence', () => {
    const list = canonical([]);
    expect(list).toMatchObject({ count: 0, minConfidence: null, json: '[]' });
  });
});

describe('validation problems (table)', () => {
  const cases: [string, unknown, { index?: number; field: string }[]][] = [
    ['not an array', { a: 1 }, [{ field: 'annotations' }]],
    ['item not an object', [1], [{ index: 0, field: '' }]],
    ['blank id', [{ ...bbox, id: '  ' }], [{ index: 0, field: 'id' }]],
    ['numeric id', [{ ...bbox, id: 5 }], [{ index: 0, field: 'id' }]],
    ['id too long', [{ ...bbox, id: 'x'.repeat(129) }], [{ index: 0, field: 'id' }]],
    ['duplicate id', [bbox, { ...bbox }], [{ index: 1, field: 'id' }]],
    ['unknown class', [{ ...bbox, name: 'truck' }], [{ index: 0, field: 'name' }]],
    ['class name is case-sensitive', [{ ...bbox, name: 'Car' }], [{ index: 0, field: 'name' }]],
    ['class type mismatch', [{ ...polyline, name: 'car' }], [{ index: 0, field: 'type' }]],
    ['unknown type', [{ ...bbox, type: 'circle' }], [{ index: 0, field: 'type' }]],
    ['bbox missing box', [{ id: 'a', name: 'car', type: 'bbox' }], [{ index: 0, field: 'bounding_box' }]],
    [
      'bbox zero width',
      [{ ...bbox, bounding_box: { x: 0, y: 0, w: 0, h: 1 } }],
      [{ index: 0, field: 'bounding_box.w' }],
    ],
    [
      'bbox negative height',
      [{ ...bbox, bounding_box: { x: 0, y: 0, w: 1, h: -1 } }],
      [{ index: 0, field: 'bounding_box.h' }],
    ],
    [
      'bbox extra key',
      [{ ...bbox, bounding_box: { x: 0, y: 0, w: 1, h: 1, z: 1 } }],
      [{ index: 0, field: 'bounding_box.z' }],
    ],
    [
      'bbox string number',
      [{ ...bbox, bounding_box: { x: '0', y: 0, w: 1, h: 1 } }],
      [{ index: 0, field: 'bounding_box.x' }],
    ],
    [
      'bbox NaN coordinate',
      [{ ...bbox, bounding_box: { x: Number.NaN, y: 0, w: 1, h: 1 } }],
      [{ index: 0, field: 'bounding_box.x' }],
    ],
    ['geometry of another type', [{ ...bbox, polygon: { paths: [ring] } }], [{ index: 0, field: 'polygon' }]],
    ['polygon missing', [{ id: 'p', name: 'road', type: 'polygon' }], [{ index: 0, field: 'polygon' }]],
    ['polyline missing', [{ id: 'l', name: 'lane', type: 'polyline' }], [{ index: 0, field: 'polyline' }]],
    ['keypoint missing', [{ id: 'k', name: 'head', type: 'keypoint' }], [{ index: 0, field: 'keypoint' }]],
    [
      'polygon ring point not an object',
      [{ ...polygon, polygon: { paths: [[...ring.slice(0, 2), [1, 1]]] } }],
      [{ index: 0, field: 'polygon.paths[0][2]' }],
    ],
    [
      'keypoint with bounding box',
      [{ ...keypoint, bounding_box: { x: 0, y: 0, w: 1, h: 1 } }],
      [{ index: 0, field: 'bounding_box' }],
    ],
    [
      'polygon ring too short',
      [{ ...polygon, polygon: { paths: [ring.slice(0, 2)] } }],
      [{ index: 0, field: 'polygon.paths[0]' }],
    ],
    ['polygon no rings', [{ ...polygon, polygon: { paths: [] } }], [{ index: 0, field: 'polygon.paths' }]],
    [
      'polygon path and paths',
      [{ ...polygon, polygon: { paths: [ring], path: ring } }],
      [{ index: 0, field: 'polygon' }],
    ],
    [
      'polygon extra key',
      [{ ...polygon, polygon: { paths: [ring], closed: true } }],
      [{ index: 0, field: 'polygon.closed' }],
    ],
    [
      'point extra key',
      [{ ...polygon, polygon: { paths: [[...ring.slice(0, 2), { x: 1, y: 1, z: 0 }]] } }],
      [{ index: 0, field: 'polygon.paths[0][2].z' }],
    ],
    [
      'polyline one point',
      [{ ...polyline, polyline: { path: [{ x: 1, y: 1 }] } }],
      [{ index: 0, field: 'polyline.path' }],
    ],
    ['keypoint not an object', [{ ...keypoint, keypoint: [3, 4] }], [{ index: 0, field: 'keypoint' }]],
    ['confidence above 1', [{ ...bbox, confidence: 1.5 }], [{ index: 0, field: 'confidence' }]],
    ['confidence as text', [{ ...bbox, confidence: '0.5' }], [{ index: 0, field: 'confidence' }]],
    ['created_by number', [{ ...bbox, created_by: 7 }], [{ index: 0, field: 'created_by' }]],
    ['attributes string', [{ ...bbox, attributes: 'x' }], [{ index: 0, field: 'attributes' }]],
    ['attributes null', [{ ...bbox, attributes: null }], [{ index: 0, field: 'attributes' }]],
  ];

  for (const [label, input, expected] of cases) {
    it(label, () => {
      const found = problems(input).map((p) =>
        p.index === undefined ? { field: p.field } : { index: p.index, field: p.field },
      );
      expect(found).toEqual(expected);
    });
  }

  it('rejects a type the dataset does not enable', () => {
    const result = canonicalizeAnnotations([polyline], { ...rules, annotationTypes: ['bbox'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ index: 0, field: 'type' });
  });

  it('refuses more than 10,000 annotations', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ ...bbox, id: `a${i}` }));
    expect(problems(many)).toEqual([{ field: 'annotations', message: 'at most 10000 annotations per image' }]);
    expect(canonical(many.slice(0, 10_000)).count).toBe(10_000);
  });

  it('reports at most 100 problems', () => {
    const bad = Array.from({ length: 500 }, (_, i) => ({ ...bbox, id: `a${i}`, name: 'nope' }));
    expect(problems(bad)).toHaveLength(100);
  });

  it('non-finite numbers cannot arrive through JSON but are refused anyway', () => {
    expect(problems([{ ...keypoint, keypoint: { x: Infinity, y: 1 } }])[0]).toMatchObject({ field: 'keypoint.x' });
  });
});
