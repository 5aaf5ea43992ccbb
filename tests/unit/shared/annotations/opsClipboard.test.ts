import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import {
  clampShapeInto,
  copyAllFromPrevious,
  MAX_CLIPBOARD_ANNOTATIONS,
  parseClipboard,
  pasteAnnotations,
  serializeClipboard,
} from '../../../../shared/annotations/clipboard';
import { groupProblems, validateForEditor } from '../../../../shared/annotations/problems';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const odd: Annotation = {
  id: 'o',
  name: 'car',
  type: 'bbox',
  bounding_box: { x: 5, y: 5, w: 10, h: 10 },
  attributes: [{ a: [1, { b: null }] }],
  unknown: { deep: true },
};

describe('clipboard serialisation', () => {
  it('round-trips every field, unknown ones and unknown types included', () => {
    const mask = { id: 'm', name: 'x', type: 'mask', rle: [1, 2, 3] } as Annotation;
    const parsed = parseClipboard(serializeClipboard([odd, mask], 'img-7'));
    expect(parsed).toEqual({ ok: true, value: { sourceImageId: 'img-7', annotations: [odd, mask] } });
  });

  it.each([
    ['not JSON', 'car,bus'],
    ['JSON without the marker', '{"annotations":[]}'],
    ['JSON with another marker', '{"kind":"other-app/shapes","annotations":[]}'],
    ['a list', '[{"id":"a"}]'],
    ['the marker without a list', '{"kind":"pictograph-review/annotations","annotations":{}}'],
    ['a damaged annotation', '{"kind":"pictograph-review/annotations","annotations":[{"id":""}]}'],
    ['null', 'null'],
  ])('refuses %s', (_label, text) => {
    expect(parseClipboard(text).ok).toBe(false);
  });

  it('refuses more than the limit before building anything', () => {
    const many = Array.from({ length: MAX_CLIPBOARD_ANNOTATIONS + 1 }, (_, i) => ({ ...odd, id: `a${i}` }));
    expect(parseClipboard(serializeClipboard(many, 'x'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/at most 10000/),
    });
  });
});

describe('paste into an image', () => {
  const image = { width: 100, height: 50 };
  it.each([
    [
      'inside: unmoved',
      { kind: 'bbox', box: { x: 10, y: 10, w: 10, h: 10 } },
      { kind: 'bbox', box: { x: 10, y: 10, w: 10, h: 10 } },
    ],
    [
      'past the right edge: moved back in',
      { kind: 'bbox', box: { x: 95, y: 10, w: 10, h: 10 } },
      { kind: 'bbox', box: { x: 90, y: 10, w: 10, h: 10 } },
    ],
    ['negative: moved in', { kind: 'keypoint', point: { x: -4, y: 60 } }, { kind: 'keypoint', point: { x: 0, y: 50 } }],
    [
      'wider than the image: clamped',
      { kind: 'bbox', box: { x: -10, y: 0, w: 200, h: 10 } },
      { kind: 'bbox', box: { x: 0, y: 0, w: 100, h: 10 } },
    ],
    [
      'a polyline taller than the image: points clamped',
      {
        kind: 'polyline',
        path: [
          { x: 5, y: -10 },
          { x: 5, y: 90 },
        ],
      },
      {
        kind: 'polyline',
        path: [
          { x: 5, y: 0 },
          { x: 5, y: 50 },
        ],
      },
    ],
  ] as const)('%s', (_label, shape, expected) => {
    expect(clampShapeInto(shape as never, image)).toEqual(expected);
  });

  it('gives new ids, applies the offset, and keeps unreadable annotations verbatim but for the id', () => {
    const mask = { id: 'm', name: 'x', type: 'mask', rle: [1] } as Annotation;
    const pasted = pasteAnnotations([odd, mask], image, ids(), { x: 10, y: 10 });
    expect(pasted).toEqual([
      { ...odd, id: 'id-1', bounding_box: { x: 15, y: 15, w: 10, h: 10 } },
      { ...mask, id: 'id-2' },
    ]);
  });

  it('copy all from the previous image leaves out shapes already present', () => {
    const current = [{ ...odd, id: 'mine' }];
    const other = { ...odd, id: 'o2', bounding_box: { x: 50, y: 5, w: 5, h: 5 } };
    expect(copyAllFromPrevious([odd, other], current, image, ids()).map((a) => a.bounding_box)).toEqual([
      { x: 50, y: 5, w: 5, h: 5 },
    ]);
  });
});

describe('validation grouped per annotation (to highlight and select)', () => {
  it('lists offending ids with their fields; list-wide problems apart', () => {
    const list = [
      { id: 'ok', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 1, h: 1 } },
      { id: 'flat', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 0, h: -1 } },
      { id: 'ring', name: 'ghost', type: 'polygon', polygon: { paths: [[{ x: 0, y: 0 }]] } },
    ] as Annotation[];
    const grouped = validateForEditor(list, { classes: [{ name: 'car' }], annotation_types: ['bbox', 'polygon'] });
    expect(grouped.annotations.map((a) => [a.id, a.fields])).toEqual([
      ['flat', ['bounding_box.w', 'bounding_box.h']],
      ['ring', ['name', 'polygon.paths[0]']],
    ]);
    expect(grouped.annotations[1]!.messages).toContain('name "ghost" is not a class of this dataset');
    expect(grouped.general).toEqual([]);
  });

  it('attaches a server 422 the same way; problems without a known index are general', () => {
    const list = [odd];
    const grouped = groupProblems(list, [
      { index: 0, field: 'name', message: 'unknown class' },
      { index: 5, field: 'id', message: 'stale' },
      { field: 'annotations', message: 'at most 10000' },
    ]);
    expect(grouped.annotations).toEqual([{ id: 'o', index: 0, fields: ['name'], messages: ['name unknown class'] }]);
    expect(grouped.general).toHaveLength(2);
  });
});
