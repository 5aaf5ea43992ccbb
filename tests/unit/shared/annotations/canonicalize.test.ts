import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api';
import { withStoredDefaults } from '../../../../shared/annotations/canonicalize';

const box: Annotation = { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } };

describe('withStoredDefaults (the §7.3 defaults the server applies)', () => {
  it.each([
    ['absent', box, { confidence: 1, created_by: null, attributes: [] }],
    ['null confidence', { ...box, confidence: null }, { confidence: 1 }],
    [
      'values of its own',
      { ...box, confidence: 0.25, created_by: 'sam', attributes: { occluded: true } },
      { confidence: 0.25, created_by: 'sam', attributes: { occluded: true } },
    ],
  ])('%s', (_label, input, expected) => {
    expect(withStoredDefaults(input as Annotation)).toMatchObject(expected);
  });

  it('keeps every other field verbatim, unknown ones included', () => {
    const odd = { ...box, vendor_field: { keep: [1, 2] }, zorder: 3 } as Annotation;
    const stored = withStoredDefaults(odd) as Record<string, unknown>;
    expect(stored.vendor_field).toBe((odd as Record<string, unknown>).vendor_field);
    expect(stored.zorder).toBe(3);
    expect(stored.bounding_box).toEqual(box.bounding_box);
  });
});
