import { describe, expect, it } from 'vitest';
import {
  authorPolicy,
  bboxAnnotation,
  keypointAnnotation,
  pickStatus,
  polygonAnnotation,
  polylineAnnotation,
  snap,
} from '../../../../server/seed/annotations';
import { createRandom } from '../../../../server/seed/random';

const human = { created_by: 'alice', confidence: 1 };

describe('annotation builders', () => {
  it('snap to half pixels and never produce -0', () => {
    expect([snap(1.26), snap(1.24), snap(-0.1), snap(7)]).toEqual([1.5, 1, 0, 7]);
    expect(Object.is(snap(-0.1), -0)).toBe(false);
  });

  it('write the canonical key order with defaults filled in', () => {
    expect(Object.keys(bboxAnnotation('a', 'car', { x: 1, y: 2, w: 3, h: 4 }, human))).toEqual([
      'id',
      'name',
      'type',
      'bounding_box',
      'confidence',
      'created_by',
      'attributes',
    ]);
    const polygon = polygonAnnotation(
      'p',
      'road',
      [
        [
          { x: 0, y: 0 },
          { x: 4, y: 0 },
          { x: 4, y: 3 },
        ],
      ],
      human,
      { occluded: true },
      { extra: 1 },
    );
    expect(Object.keys(polygon)).toEqual([
      'id',
      'name',
      'type',
      'polygon',
      'bounding_box',
      'confidence',
      'created_by',
      'attributes',
      'extra',
    ]);
    expect(Object.keys(keypointAnnotation('k', 'head', { x: 1, y: 1 }, human))).toEqual([
      'id',
      'name',
      'type',
      'keypoint',
      'confidence',
      'created_by',
      'attributes',
    ]);
  });

  it('derive polygon and polyline boxes from the snapped points', () => {
    const polygon = polygonAnnotation(
      'p',
      'road',
      [
        [
          { x: 0.2, y: 10.3 },
          { x: 4.74, y: 0 },
          { x: 4, y: 3 },
        ],
      ],
      human,
    );
    expect(polygon.polygon).toEqual({
      paths: [
        [
          { x: 0, y: 10.5 },
          { x: 4.5, y: 0 },
          { x: 4, y: 3 },
        ],
      ],
    });
    expect(polygon.bounding_box).toEqual({ x: 0, y: 0, w: 4.5, h: 10.5 });
    const line = polylineAnnotation(
      'l',
      'lane',
      [
        { x: 1, y: 1 },
        { x: 1, y: 9 },
      ],
      human,
    );
    expect(line.bounding_box).toEqual({ x: 1, y: 1, w: 0, h: 8 });
  });

  it('keep a far-away bbox valid (w, h > 0) after snapping', () => {
    expect(bboxAnnotation('a', 'car', { x: 5.1, y: 5.1, w: 0.1, h: 0.05 }, human).bounding_box).toEqual({
      x: 5,
      y: 5,
      w: 0.5,
      h: 0.5,
    });
  });
});

describe('authorPolicy', () => {
  it('gives new images only model output, with confidence below 1', () => {
    const random = createRandom('policy-new');
    for (let i = 0; i < 50; i++) {
      const policy = authorPolicy(random, 'new');
      const author = policy.next('model:x');
      expect(author.created_by).toBe('model:x');
      expect(author.confidence).toBeGreaterThan(0);
      expect(author.confidence).toBeLessThan(1);
    }
  });

  it('mixes humans and models on images in progress and can skip empty new images', () => {
    const random = createRandom('policy-mix');
    const authors = Array.from({ length: 2000 }, () => authorPolicy(random, 'in_progress').next('model:x'));
    const modelShare = authors.filter((a) => a.confidence < 1).length / authors.length;
    expect(modelShare).toBeGreaterThan(0.3);
    expect(modelShare).toBeLessThan(0.5);
    expect(authors.filter((a) => a.confidence === 1).every((a) => !a.created_by.startsWith('model:'))).toBe(true);
    expect(authorPolicy(random, 'new', { emptyNewShare: 0 }).annotated).toBe(true);
    expect(authorPolicy(random, 'new', { emptyNewShare: 1 }).annotated).toBe(false);
  });

  it('picks statuses by weight', () => {
    const random = createRandom('status');
    const picks = Array.from({ length: 3000 }, () => pickStatus(random, { new: 1, in_progress: 0, complete: 2 }));
    expect(picks.includes('in_progress')).toBe(false);
    const newShare = picks.filter((s) => s === 'new').length / picks.length;
    expect(newShare).toBeGreaterThan(0.28);
    expect(newShare).toBeLessThan(0.39);
  });
});
