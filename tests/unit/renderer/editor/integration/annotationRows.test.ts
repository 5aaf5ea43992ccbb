import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api/annotation';
import { annotationRows } from '../../../../../renderer/editor/list/annotationRows';

const a = (id: string, name: string, confidence?: number | null): Annotation =>
  ({ id, name, type: 'bbox', bounding_box: { x: 0, y: 0, w: 1, h: 1 }, confidence }) as Annotation;

describe('annotation list rows', () => {
  const list = [
    a('1', 'car', 0.9),
    a('2', 'zebra', 0.2),
    a('3', 'car', 0.3),
    a('4', 'road'),
    a('5', 'car', null),
    a('6', 'apple', 0.1),
  ];

  it('groups by class in the dataset order, then unknown classes by name, with counts and low predictions', () => {
    const rows = annotationRows(list, ['road', 'car'], { sort: 'order', threshold: 0.5 });
    const heads = rows.filter((r) => r.kind === 'class');
    expect(heads).toEqual([
      { kind: 'class', name: 'road', count: 1, low: 0 },
      { kind: 'class', name: 'car', count: 3, low: 1 },
      { kind: 'class', name: 'apple', count: 1, low: 1 },
      { kind: 'class', name: 'zebra', count: 1, low: 1 },
    ]);
    expect(rows.map((r) => (r.kind === 'class' ? r.name : r.id))).toEqual([
      'road',
      '4',
      'car',
      '1',
      '3',
      '5',
      'apple',
      '6',
      'zebra',
      '2',
    ]);
  });

  it('sorts each group by confidence, lowest first and none last; the threshold decides the highlight', () => {
    const rows = annotationRows(list, ['road', 'car'], { sort: 'confidence', threshold: 0.95 });
    const car = rows.slice(3, 6);
    expect(car.map((r) => (r.kind === 'annotation' ? [r.id, r.low] : null))).toEqual([
      ['3', true],
      ['1', true],
      ['5', false],
    ]);
  });
});
