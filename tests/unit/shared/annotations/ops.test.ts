import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import {
  addHole,
  changeClass,
  duplicateAnnotation,
  insertVertex,
  moveAnnotation,
  moveVertex,
  removeHole,
  removeVertex,
  reorder,
  resizeBoxAnnotation,
} from '../../../../shared/annotations/ops';
import type { BoxHandle } from '../../../../shared/annotations/resizeBox';
import { resizeBox } from '../../../../shared/annotations/resizeBox';
import { shapeOf, withShape } from '../../../../shared/annotations/shapes';

const bbox: Annotation = {
  id: 'b',
  name: 'car',
  type: 'bbox',
  bounding_box: { x: 10, y: 20, w: 100, h: 50 },
  attributes: { kept: [1, 2] },
};
const poly: Annotation = {
  id: 'p',
  name: 'road',
  type: 'polygon',
  polygon: {
    paths: [
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
        { x: 0, y: 100 },
      ],
    ],
  },
  bounding_box: { x: 0, y: 0, w: 100, h: 100 },
  extra: 'kept',
};
const line: Annotation = {
  id: 'l',
  name: 'lane',
  type: 'polyline',
  polyline: {
    path: [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
    ],
  },
};
const kp: Annotation = { id: 'k', name: 'person', type: 'keypoint', keypoint: { x: 5, y: 6 } };

function value<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('move', () => {
  it('moves every kind of shape, polygons with their holes, and keeps the other fields', () => {
    expect(value(moveAnnotation(bbox, 5, -5))).toEqual({ ...bbox, bounding_box: { x: 15, y: 15, w: 100, h: 50 } });
    const holed = value(
      addHole(poly, [
        { x: 10, y: 10 },
        { x: 20, y: 10 },
        { x: 20, y: 20 },
      ]),
    );
    const moved = value(moveAnnotation(holed, 1, 2));
    expect(moved.polygon!.paths[1]![0]).toEqual({ x: 11, y: 12 });
    expect(moved.bounding_box).toEqual({ x: 1, y: 2, w: 100, h: 100 });
    expect(moved.extra).toBe('kept');
    expect(value(moveAnnotation(line, 1, 1)).polyline!.path[1]).toEqual({ x: 11, y: 11 });
    expect(value(moveAnnotation(kp, -5, -6)).keypoint).toEqual({ x: 0, y: 0 });
  });

  it('refuses unknown types and unreadable geometry instead of rebuilding them', () => {
    const odd = { id: 'm', name: 'x', type: 'mask', rle: [1, 2] } as Annotation;
    expect(moveAnnotation(odd, 1, 1)).toEqual({ ok: false, reason: expect.stringMatching(/cannot read/) });
    const broken = { ...poly, polygon: { paths: [[{ x: 0, y: 0 }]] } };
    expect(moveAnnotation(broken, 1, 1).ok).toBe(false);
  });

  it('reads a legacy polygon.path and writes paths; negative box sizes read from the other corner', () => {
    const legacy = {
      id: 'g',
      name: 'road',
      type: 'polygon',
      polygon: { path: poly.polygon!.paths[0] },
    } as unknown as Annotation;
    expect(value(moveAnnotation(legacy, 1, 0)).polygon).toEqual({
      paths: [poly.polygon!.paths[0]!.map((p) => ({ x: p.x + 1, y: p.y }))],
    });
    expect(shapeOf({ ...bbox, bounding_box: { x: 10, y: 10, w: -5, h: -5 } })).toEqual({
      kind: 'bbox',
      box: { x: 5, y: 5, w: 5, h: 5 },
    });
  });

  it('writes a polygon without bounding_box without adding one', () => {
    const bare = { id: 'q', name: 'road', type: 'polygon', polygon: poly.polygon } as Annotation;
    expect('bounding_box' in withShape(bare, shapeOf(bare)!)).toBe(false);
  });
});

describe('resize a box by one of its 8 handles', () => {
  const box = { x: 100, y: 100, w: 100, h: 50 };
  it.each([
    ['nw', { x: 90, y: 80 }, { x: 90, y: 80, w: 110, h: 70 }, 'nw'],
    ['n', { x: 999, y: 90 }, { x: 100, y: 90, w: 100, h: 60 }, 'n'],
    ['ne', { x: 210, y: 90 }, { x: 100, y: 90, w: 110, h: 60 }, 'ne'],
    ['e', { x: 250, y: -7 }, { x: 100, y: 100, w: 150, h: 50 }, 'e'],
    ['se', { x: 220, y: 170 }, { x: 100, y: 100, w: 120, h: 70 }, 'se'],
    ['s', { x: 0, y: 160 }, { x: 100, y: 100, w: 100, h: 60 }, 's'],
    ['sw', { x: 80, y: 160 }, { x: 80, y: 100, w: 120, h: 60 }, 'sw'],
    ['w', { x: 120, y: 0 }, { x: 120, y: 100, w: 80, h: 50 }, 'w'],
    ['e crossing the left edge becomes w', { x: 60, y: 0 }, { x: 60, y: 100, w: 40, h: 50 }, 'w'],
    ['nw crossing both edges becomes se', { x: 250, y: 200 }, { x: 200, y: 150, w: 50, h: 50 }, 'se'],
    ['s crossing the top edge becomes n', { x: 0, y: 80 }, { x: 100, y: 80, w: 100, h: 20 }, 'n'],
  ] as [string, { x: number; y: number }, typeof box, BoxHandle][])('%s', (label, to, expected, handle) => {
    const start = label.split(' ')[0] as BoxHandle;
    expect(resizeBox(box, start, to)).toEqual({ box: expected, handle });
  });

  it('keeps the minimum size, growing away from the fixed edge', () => {
    expect(resizeBox(box, 'e', { x: 100, y: 0 }).box).toEqual({ x: 100, y: 100, w: 1, h: 50 });
    expect(resizeBox(box, 'w', { x: 200, y: 0 }).box).toEqual({ x: 199, y: 100, w: 1, h: 50 });
    expect(resizeBox(box, 'n', { x: 0, y: 150 }, 4).box).toEqual({ x: 100, y: 146, w: 100, h: 4 });
  });

  it('only boxes resize; the record keeps its other fields', () => {
    expect(resizeBoxAnnotation(poly, 'e', { x: 0, y: 0 })).toEqual({
      ok: false,
      reason: 'only boxes have resize handles',
    });
    const resized = value(resizeBoxAnnotation(bbox, 'se', { x: 20, y: 30 })).annotation;
    expect(resized).toEqual({ ...bbox, bounding_box: { x: 10, y: 20, w: 10, h: 10 } });
  });
});

describe('vertices', () => {
  it('inserts on an edge, moves and removes vertices, recomputing a present bounding_box', () => {
    const inserted = value(insertVertex(poly, 0, 0, { x: 50, y: -20 }));
    expect(inserted.polygon!.paths[0]!.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [50, -20],
      [100, 0],
      [100, 100],
      [0, 100],
    ]);
    expect(inserted.bounding_box).toEqual({ x: 0, y: -20, w: 100, h: 120 });
    const movedV = value(moveVertex(inserted, 0, 1, { x: 50, y: 0 }));
    expect(movedV.bounding_box).toEqual({ x: 0, y: 0, w: 100, h: 100 });
    expect(value(removeVertex(movedV, 0, 1))).toEqual(poly);
    expect(value(moveVertex(kp, 0, 0, { x: 1, y: 1 })).keypoint).toEqual({ x: 1, y: 1 });
  });

  it.each([
    ['a ring under 3 points', () => removeVertex(value(removeVertex(poly, 0, 0)), 0, 0), /at least 3 points/],
    [
      'a hole under 3 points',
      () =>
        removeVertex(
          value(
            addHole(poly, [
              { x: 1, y: 1 },
              { x: 9, y: 1 },
              { x: 1, y: 9 },
            ]),
          ),
          1,
          0,
        ),
      /remove the hole instead/,
    ],
    ['a polyline under 2 points', () => removeVertex(line, 0, 0), /at least 2 points/],
    ['a vertex that does not exist', () => removeVertex(poly, 0, 4), /no vertex 4/],
    ['a ring that does not exist', () => moveVertex(poly, 2, 0, { x: 0, y: 0 }), /no ring 2/],
    ['an edge that does not exist', () => insertVertex(poly, 0, -1, { x: 0, y: 0 }), /no edge -1/],
    ['vertex editing of a box', () => insertVertex(bbox, 0, 0, { x: 0, y: 0 }), /bbox has no vertices/],
  ] as [string, () => { ok: boolean; reason?: string }, RegExp][])('refuses %s', (_label, run, reason) => {
    const result = run();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(reason);
  });
});

describe('holes', () => {
  const triangle = [
    { x: 10, y: 10 },
    { x: 30, y: 10 },
    { x: 10, y: 30 },
  ];
  it('adds an inner ring inside the outline and removes it again', () => {
    const holed = value(addHole(poly, triangle));
    expect(holed.polygon!.paths).toHaveLength(2);
    expect(value(removeHole(holed, 1))).toEqual(poly);
  });

  it.each([
    ['fewer than 3 points', () => addHole(poly, triangle.slice(0, 2)), /at least 3 points/],
    ['outside the outline', () => addHole(poly, [...triangle, { x: 150, y: 10 }]), /inside the outline/],
    ['non-finite points', () => addHole(poly, [...triangle, { x: Number.NaN, y: 1 }]), /not a number/],
    ['on a box', () => addHole(bbox, triangle), /only polygons/],
    ['removing the outline', () => removeHole(poly, 0), /outline/],
    ['removing a missing hole', () => removeHole(poly, 3), /no hole 3/],
  ] as [string, () => { ok: boolean; reason?: string }, RegExp][])('refuses %s', (_label, run, reason) => {
    const result = run();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(reason);
  });
});

describe('class, duplicate, reorder', () => {
  it('a class with a type accepts only that type; untyped classes take any', () => {
    expect(value(changeClass(bbox, { name: 'truck' })).name).toBe('truck');
    expect(changeClass(bbox, { name: 'road', type: 'polygon' })).toEqual({
      ok: false,
      reason: 'class "road" takes polygon annotations, not bbox',
    });
    expect(value(changeClass(poly, { name: 'road', type: 'polygon' }))).toBe(poly);
  });

  it('duplicate: a new id, offset, every other field kept', () => {
    expect(value(duplicateAnnotation(bbox, 'copy', { x: 10, y: 10 }))).toEqual({
      ...bbox,
      id: 'copy',
      bounding_box: { x: 20, y: 30, w: 100, h: 50 },
    });
  });

  const ids = (list: readonly Annotation[]) => list.map((a) => a.id).join('');
  const abcd = ['a', 'b', 'c', 'd'].map((id) => ({ ...kp, id }));
  it.each([
    ['forward', ['b'], 'acbd'],
    ['forward', ['c', 'd'], 'abcd'],
    ['forward', ['a', 'b'], 'cabd'],
    ['backward', ['c'], 'acbd'],
    ['backward', ['a'], 'abcd'],
    ['front', ['a', 'c'], 'bdac'],
    ['back', ['b', 'd'], 'bdac'],
  ] as const)('%s %j → %s', (direction, chosen, expected) => {
    expect(ids(reorder(abcd, new Set(chosen), direction))).toBe(expected);
  });

  it('returns the same list when nothing moves', () => {
    expect(reorder(abcd, new Set(['d']), 'forward')).toBe(abcd);
    expect(reorder(abcd, new Set(['zz']), 'front')).toBe(abcd);
  });
});
