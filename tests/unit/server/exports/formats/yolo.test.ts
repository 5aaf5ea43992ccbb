import { describe, expect, it } from 'vitest';
import { yoloFormat } from '../../../../../server/exports/formats/yolo';
import { sampleContext, textEntries } from '../sampleExport';

describe('yolo export format', () => {
  it('writes data.yaml with JSON-quoted names and a normalised label file per image', async () => {
    const files = await textEntries(yoloFormat.entries(sampleContext()));
    expect(files).toEqual({
      'data.yaml': 'nc: 5\nnames: ["car", "road", "lane", "head", "sign <\\"A&B\\">, big"]\n',
      'labels/day/a.txt':
        '0 0.200000 0.200000 0.200000 0.200000\n' +
        '1 0.000000 0.000000 0.100000 0.000000 0.100000 0.200000 0.000000 0.200000\n' +
        '4 0.015000 0.045000 0.022000 0.066000\n',
      // width/height unknown: nothing can be normalised, the file stays empty (§8.1)
      'labels/b.txt': '',
      'labels/night/deep/c.d.txt': '1 0.100000 0.100000 0.600000 0.100000 0.350000 0.600000\n',
    });
  });

  it('gives an image the class filter emptied an empty label file', async () => {
    const context = sampleContext();
    const emptied = { ...context, images: [{ ...context.images[2]!, annotations: [] }] };
    const files = await textEntries(yoloFormat.entries(emptied));
    expect(files['labels/night/deep/c.d.txt']).toBe('');
  });

  it('never writes a negative zero for coordinates at the edge', async () => {
    const context = sampleContext();
    const edge = { id: 'e', name: 'car', type: 'bbox', bounding_box: { x: -1e-9, y: 0, w: 2e-9, h: 10 } };
    const files = await textEntries(
      yoloFormat.entries({ ...context, images: [{ ...context.images[0]!, annotations: [edge] }] }),
    );
    expect(files['labels/day/a.txt']).toBe('0 0.000000 0.100000 0.000000 0.200000\n');
  });
});
