import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../../shared/api';
import {
  annotationTypeLabel,
  safeColor,
  sortDatasetsForOverview,
  summarizeDatasets,
  visibleClasses,
} from '../../../../../renderer/screens/datasets/datasetSummary';

function dataset(overrides: Partial<Dataset>): Dataset {
  return {
    id: 'd1',
    name: 'Street Scenes',
    slug: 'street-scenes',
    description: null,
    image_count: 10,
    completed_image_count: 4,
    annotation_count: 30,
    annotation_types: ['bbox'],
    classes: [],
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-02T00:00:00.000Z',
    ...overrides,
  };
}

describe('datasets overview helpers', () => {
  it('totals images, completion and annotations, capping odd completed counts', () => {
    const totals = summarizeDatasets([
      dataset({ id: 'a' }),
      dataset({ id: 'b', image_count: 5, completed_image_count: 9, annotation_count: 1 }),
    ]);
    expect(totals).toEqual({ datasets: 2, images: 15, completedImages: 9, annotations: 31 });
    expect(summarizeDatasets([])).toEqual({ datasets: 0, images: 0, completedImages: 0, annotations: 0 });
  });

  it.each([
    ['#ff0000', '#ff0000'],
    ['#ABC', '#abc'],
    [' #00ff00 ', '#00ff00'],
    ['red', '#8a919e'],
    ['#12345', '#8a919e'],
    ['url(javascript:alert(1))', '#8a919e'],
    [null, '#8a919e'],
  ])('colour %j is shown as %s', (input, shown) => {
    expect(safeColor(input)).toBe(shown);
  });

  it('shows the first chips and counts the rest', () => {
    const classes = ['a', 'b', 'c'].map((name) => ({ name, color: '#000000' }));
    expect(visibleClasses(classes, 2)).toEqual({ shown: classes.slice(0, 2), hidden: 1 });
    expect(visibleClasses(classes, 10).hidden).toBe(0);
    expect(visibleClasses(classes, -1)).toEqual({ shown: [], hidden: 3 });
  });

  it('labels known annotation types and passes unknown ones through', () => {
    expect(annotationTypeLabel('bbox')).toBe('Boxes');
    expect(annotationTypeLabel('cuboid')).toBe('cuboid');
  });

  it('orders by most recent change, then name; bad stamps sink to the end', () => {
    const sorted = sortDatasetsForOverview([
      dataset({ id: '1', name: 'Old', updated_at: '2024-01-01T00:00:00.000Z' }),
      dataset({ id: '2', name: 'Broken', updated_at: 'garbage' }),
      dataset({ id: '3', name: 'B new', updated_at: '2024-03-01T00:00:00.000Z' }),
      dataset({ id: '4', name: 'A new', updated_at: '2024-03-01T00:00:00.000Z' }),
    ]);
    expect(sorted.map((d) => d.name)).toEqual(['A new', 'B new', 'Old', 'Broken']);
  });
});
