import { describe, expect, it } from 'vitest';
import { perImageFile, pictographFormat } from '../../../../../server/exports/formats/pictograph';
import { sampleContext, sampleImages, textEntries } from '../sampleExport';

describe('perImageFile', () => {
  it('builds the §7.4 per-image file with an absolute image_url', () => {
    const image = sampleImages()[1]!;
    const file = perImageFile({
      image,
      annotations: image.annotations,
      dataset: { name: 'Street Scenes', slug: 'street-scenes' },
      org: { name: 'Acme', slug: 'acme' },
      apiBaseUrl: 'https://api.pictograph.io/api/v1/developer/',
    });
    expect(JSON.stringify(file)).toBe(
      '{"image":"b.png","image_url":"https://api.pictograph.io/api/v1/developer/images/img-2","image_uuid":"img-2",' +
        '"image_path":"/","annotation_count":1,"dataset":{"name":"Street Scenes","slug":"street-scenes"},' +
        '"org":{"name":"Acme","slug":"acme"},"annotations":[{"id":"c2","name":"car","type":"bbox",' +
        '"bounding_box":{"x":1,"y":1,"w":2,"h":2},"confidence":0.5,"created_by":"model:detr","attributes":[]}]}',
    );
  });

  it('counts the annotations it is given (the class-filtered list), not the image total', () => {
    const image = sampleImages()[0]!;
    const file = perImageFile({
      image,
      annotations: [],
      dataset: { name: 'D', slug: 'd' },
      org: { name: 'O', slug: 'o' },
      apiBaseUrl: 'http://h/api/v1/developer',
    });
    expect(file.annotation_count).toBe(0);
    expect(file.annotations).toEqual([]);
    expect(file.image_path).toBe('/day');
  });
});

describe('pictograph export format', () => {
  it('writes annotations/<rel>.json per image, keeping unknown annotation fields verbatim', async () => {
    const files = await textEntries(pictographFormat.entries(sampleContext()));
    expect(Object.keys(files).sort()).toEqual([
      'annotations/b.png.json',
      'annotations/day/a.jpg.json',
      'annotations/night/deep/c.d.jpeg.json',
    ]);
    const first = JSON.parse(files['annotations/day/a.jpg.json']!) as Record<string, unknown>;
    expect(first.image_url).toBe('http://127.0.0.1:8787/api/v1/developer/images/img-1');
    expect(first.annotation_count).toBe(5);
    expect((first.annotations as Record<string, unknown>[])[1]).toMatchObject({ id: 'r1', extra: 'kept' });
    expect(files['annotations/day/a.jpg.json']!.endsWith('}\n')).toBe(true);
    expect(pictographFormat.imagePrefix).toBe('images/');
  });
});
