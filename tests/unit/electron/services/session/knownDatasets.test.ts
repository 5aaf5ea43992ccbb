import { describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../../../../shared/api';
import { KnownDatasets } from '../../../../../electron/services/session/knownDatasets';

const dataset = (id: string, classes: string[]): Dataset => ({
  id,
  name: id,
  slug: id,
  description: null,
  image_count: 0,
  completed_image_count: 0,
  annotation_count: 0,
  annotation_types: ['bbox'],
  classes: classes.map((name) => ({ name, color: '#000000', type: 'bbox' })),
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-01-01T00:00:00.000Z',
});
const image = (id: string, datasetId: string) => ({ id, dataset_id: datasetId }) as ImageMeta;

describe('KnownDatasets', () => {
  it("finds an image's dataset rules once both were seen, per profile", () => {
    const known = new KnownDatasets();
    expect(known.rulesForImage('p', 'i1')).toBeNull();
    known.rememberImages('p', [image('i1', 'd1')]);
    expect(known.rulesForImage('p', 'i1')).toBeNull();
    known.rememberDatasets('p', [dataset('d1', ['car'])]);
    expect(known.rulesForImage('p', 'i1')).toEqual({
      classes: [{ name: 'car', color: '#000000', type: 'bbox' }],
      annotation_types: ['bbox'],
    });
    expect(known.rulesForImage('other-profile', 'i1')).toBeNull();
    known.rememberDatasets('p', [dataset('d1', ['car', 'bus'])]);
    expect(known.rulesForImage('p', 'i1')?.classes).toHaveLength(2);
  });
});
