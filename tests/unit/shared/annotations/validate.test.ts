import { describe, expect, it } from 'vitest';
import { canonicalizeForSave, validateAnnotations } from '../../../../shared/annotations/validate';
import type { Annotation } from '../../../../shared/api';

const box = { id: 'a1', name: 'car', type: 'bbox', bounding_box: { x: 10, y: 20, w: 100, h: 50 } };
const poly = {
  id: 'a2',
  name: 'road',
  type: 'polygon',
  polygon: {
    paths: [
      [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
        { x: 50, y: 40 },
      ],
    ],
  },
};
const line = {
  id: 'a3',
  name: 'lane',
  type: 'polyline',
  polyline: {
    path: [
      { x: 0, y: 0 },
      { x: 5, y: 5 },
    ],
  },
};
const point = { id: 'a4', name: 'nose', type: 'keypoint', keypoint: { x: 1, y: 2 } };

const dataset = {
  annotation_types: ['bbox', 'polygon', 'polyline', 'keypoint'],
  classes: [
    { name: 'car', type: 'bbox' },
    { name: 'road' },
    { name: 'lane', type: 'polyline' },
    { name: 'nose', type: null },
  ],
};

describe('validateAnnotations: valid input', () => {
  it('accepts every type, extras, nullable fields and negative coordinates', () => {
    const list = [
      { ...box, confidence: null, created_by: null, attributes: { occluded: 'true' }, extra: 'kept' },
      { ...poly, confidence: 0.87, created_by: 'u-17', attributes: [], bounding_box: { x: -1, y: -1, w: 0, h: 0 } },
      {
        ...line,
        polyline: {
          path: [
            { x: -5, y: -5 },
            { x: -5, y: -5 },
          ],
        },
      },
      point,
      {
        id: 'legacy',
        name: 'road',
        type: 'polygon',
        polygon: {
          path: [
            { x: 0, y: 0 },
            { x: 1, y: 0 },
            { x: 1, y: 1 },
          ],
        },
      },
      {
        ...poly,
        id: 'holes',
        polygon: {
          paths: [
            poly.polygon.paths[0],
            [
              { x: 1, y: 1 },
              { x: 2, y: 1 },
              { x: 2, y: 2 },
            ],
          ],
        },
      },
    ];
    expect(validateAnnotations(list, dataset)).toEqual([]);
    expect(validateAnnotations([])).toEqual([]);
  });
});

describe('validateAnnotations: types this app does not know', () => {
  const future = { id: 'f1', name: 'road', type: 'cuboid', cuboid: { front: [1, 2], back: [3, 4] }, vendor: { x: 1 } };

  it('passes one the dataset lists, verbatim and unchecked (the server that named it checks it)', () => {
    expect(
      validateAnnotations([future], { ...dataset, annotation_types: [...dataset.annotation_types, 'cuboid'] }),
    ).toEqual([]);
  });

  it('refuses one the dataset does not list, and any without rules to go by', () => {
    expect(validateAnnotations([future], dataset)).toEqual([
      expect.objectContaining({ index: 0, field: 'type', message: expect.stringMatching(/one of bbox/) }),
    ]);
    expect(validateAnnotations([future]).map((p) => p.field)).toEqual(['type']);
  });

  it('still checks what every annotation has: id and class', () => {
    const listed = { ...dataset, annotation_types: ['cuboid'] };
    const fields = validateAnnotations([{ ...future, id: ' ', name: 'unicorn' }], listed).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name']));
  });
});

describe('validateAnnotations: one problem each', () => {
  it.each([
    ['blank id', { ...box, id: '   ' }, 'id', /non-blank/],
    ['numeric id', { ...box, id: 7 }, 'id', /non-blank string/],
    ['long id', { ...box, id: 'x'.repeat(129) }, 'id', /128/],
    ['missing name', { ...box, name: undefined }, 'name', /class name/],
    ['unknown type', { ...box, type: 'circle' }, 'type', /one of bbox/],
    ['bbox without box', { ...box, bounding_box: undefined }, 'bounding_box', /required/],
    ['bbox with w = 0', { ...box, bounding_box: { x: 0, y: 0, w: 0, h: 1 } }, 'bounding_box.w', /greater than 0/],
    ['bbox with negative h', { ...box, bounding_box: { x: 0, y: 0, w: 1, h: -1 } }, 'bounding_box.h', /greater than 0/],
    ['bbox with NaN', { ...box, bounding_box: { x: Number.NaN, y: 0, w: 1, h: 1 } }, 'bounding_box.x', /finite/],
    ['bbox with Infinity', { ...box, bounding_box: { x: 0, y: Infinity, w: 1, h: 1 } }, 'bounding_box.y', /finite/],
    ['bbox with string', { ...box, bounding_box: { x: '0', y: 0, w: 1, h: 1 } }, 'bounding_box.x', /finite/],
    [
      'bbox with extra key',
      { ...box, bounding_box: { x: 0, y: 0, w: 1, h: 1, z: 1 } },
      'bounding_box',
      /unexpected key "z"/,
    ],
    ['bbox with polygon', { ...box, polygon: poly.polygon }, 'polygon', /must not have "polygon"/],
    ['polygon missing', { ...poly, polygon: undefined }, 'polygon', /required/],
    ['polygon with no rings', { ...poly, polygon: { paths: [] } }, 'polygon.paths', /at least one ring/],
    [
      'polygon ring of 2',
      {
        ...poly,
        polygon: {
          paths: [
            [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
          ],
        },
      },
      'polygon.paths[0]',
      /at least 3/,
    ],
    [
      'polygon path and paths',
      { ...poly, polygon: { ...poly.polygon, path: poly.polygon.paths[0] } },
      'polygon',
      /both/,
    ],
    [
      'polygon point extra key',
      {
        ...poly,
        polygon: {
          paths: [
            [
              { x: 0, y: 0, z: 0 },
              { x: 1, y: 0 },
              { x: 1, y: 1 },
            ],
          ],
        },
      },
      'polygon.paths[0][0]',
      /unexpected key/,
    ],
    [
      'polygon point not object',
      { ...poly, polygon: { paths: [[[0, 0], { x: 1, y: 0 }, { x: 1, y: 1 }]] } },
      'polygon.paths[0][0]',
      /point/,
    ],
    [
      'polygon geometry extra key',
      { ...poly, polygon: { ...poly.polygon, holes: [] } },
      'polygon',
      /unexpected key "holes"/,
    ],
    ['polyline of 1', { ...line, polyline: { path: [{ x: 0, y: 0 }] } }, 'polyline.path', /at least 2/],
    ['polyline not a list', { ...line, polyline: { path: 'x' } }, 'polyline.path', /list of points/],
    [
      'keypoint with box',
      { ...point, bounding_box: { x: 0, y: 0, w: 1, h: 1 } },
      'bounding_box',
      /must not have a bounding_box/,
    ],
    ['keypoint missing', { ...point, keypoint: undefined }, 'keypoint', /required/],
    ['keypoint NaN', { ...point, keypoint: { x: 0, y: Number.NaN } }, 'keypoint.y', /finite/],
    ['confidence > 1', { ...box, confidence: 1.5 }, 'confidence', /0 to 1/],
    ['confidence string', { ...box, confidence: '0.5' }, 'confidence', /0 to 1/],
    ['created_by number', { ...box, created_by: 5 }, 'created_by', /string or null/],
    ['attributes string', { ...box, attributes: 'x' }, 'attributes', /object or a list/],
    ['attributes null', { ...box, attributes: null }, 'attributes', /object or a list/],
  ])('%s', (_name, annotation, field, message) => {
    const problems = validateAnnotations([{ ...point, id: 'first' }, annotation]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1, field });
    expect(problems[0]?.message).toMatch(message);
  });
});

describe('validateAnnotations: lists and datasets', () => {
  it('flags duplicate ids at the later annotation', () => {
    expect(validateAnnotations([box, { ...poly, id: 'a1' }])).toEqual([
      { index: 1, field: 'id', message: 'duplicates the id of annotation #1' },
    ]);
  });

  it('rejects a non-list and non-object items without throwing', () => {
    expect(validateAnnotations({ annotations: [] })).toEqual([{ message: 'annotations must be a list' }]);
    expect(validateAnnotations([null, 5, 'x', []])).toHaveLength(4);
  });

  it('limits a list to 10,000 annotations and caps the report at 100 problems', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ ...point, id: `p${i}` }));
    expect(validateAnnotations(many)).toEqual([
      { field: 'annotations', message: 'at most 10000 annotations per image (got 10001)' },
    ]);
    const broken = Array.from({ length: 500 }, () => ({ ...box, id: '' }));
    expect(validateAnnotations(broken)).toHaveLength(100);
  });

  it('checks classes and types against the dataset when given', () => {
    const problems = validateAnnotations(
      [
        { ...box, name: 'truck' },
        { ...box, id: 'b', name: 'lane' },
        { ...point, name: 'road' },
      ],
      { ...dataset, annotation_types: ['bbox', 'polyline'] },
    );
    expect(problems).toEqual([
      { index: 0, field: 'name', message: '"truck" is not a class of this dataset' },
      { index: 1, field: 'type', message: 'class "lane" takes polyline annotations, not bbox' },
      {
        index: 2,
        field: 'type',
        message: 'this dataset does not allow keypoint annotations (allowed: bbox, polyline)',
      },
    ]);
  });
});

describe('canonicalizeForSave', () => {
  it('recomputes polygon and polyline boxes and converts legacy path, keeping everything else verbatim', () => {
    const input = [
      { ...box, attributes: { a: [1, { b: null }] }, unknown_field: { deep: true } },
      { ...poly, bounding_box: { x: 999, y: 999, w: 1, h: 1 }, extra: 'kept' },
      {
        id: 'legacy',
        name: 'road',
        type: 'polygon',
        polygon: {
          path: [
            { x: 3, y: -2 },
            { x: 1, y: 0 },
            { x: 1, y: 4 },
          ],
        },
      },
      {
        ...line,
        polyline: {
          path: [
            { x: 7, y: 7 },
            { x: 7, y: 2 },
          ],
        },
      },
      point,
      { id: 'future', name: 'x', type: 'ellipse', ellipse: { rx: 1 } },
    ] as Annotation[];
    const out = canonicalizeForSave(input);
    expect(out[0]).toEqual(input[0]);
    expect(out[1]).toEqual({ ...poly, bounding_box: { x: 0, y: 0, w: 50, h: 40 }, extra: 'kept' });
    expect(out[2]).toEqual({
      ...input[2],
      polygon: {
        paths: [
          [
            { x: 3, y: -2 },
            { x: 1, y: 0 },
            { x: 1, y: 4 },
          ],
        ],
      },
      bounding_box: { x: 1, y: -2, w: 2, h: 6 },
    });
    expect(out[3]?.bounding_box).toEqual({ x: 7, y: 2, w: 0, h: 5 });
    expect(out[4]).toBe(input[4]);
    expect(out[5]).toBe(input[5]);
    expect(input[1]?.bounding_box).toEqual({ x: 999, y: 999, w: 1, h: 1 });
  });
});
