import { describe, expect, it } from 'vitest';
import { yoloFormat, yoloLineKind } from '../../../../../server/exports/formats/yolo';
import { sampleContext, textEntries } from '../sampleExport';

const DATA_YAML =
  'path: .\ntrain: images/train\nval: images/train\nnc: 5\n' +
  'names: ["car", "road", "lane", "head", "sign <\\"A&B\\">, big"]\n';

/** The sample without its polygons: a pure detection dataset. */
function boxesOnly(): ReturnType<typeof sampleContext> {
  const context = sampleContext();
  return {
    ...context,
    images: context.images.map((image) => ({
      ...image,
      annotations: image.annotations.filter((annotation) => annotation.type !== 'polygon'),
    })),
  };
}

describe('yolo export format (Ultralytics layout)', () => {
  it('writes segment lines only when the selection holds a polygon, boxes as 4 clockwise corners', async () => {
    const files = await textEntries(yoloFormat.entries(sampleContext()));
    expect(files).toEqual({
      'data.yaml': DATA_YAML,
      'labels/train/day/a.txt':
        '0 0.100000 0.100000 0.300000 0.100000 0.300000 0.300000 0.100000 0.300000\n' +
        '1 0.000000 0.000000 0.100000 0.000000 0.100000 0.200000 0.000000 0.200000\n' +
        '4 0.004000 0.012000 0.026000 0.012000 0.026000 0.078000 0.004000 0.078000\n',
      // width/height unknown: nothing can be normalised, the file stays empty (§8.1)
      'labels/train/b.txt': '',
      'labels/train/night/deep/c.d.txt': '1 0.100000 0.100000 0.600000 0.100000 0.350000 0.600000\n',
    });
    expect(yoloFormat.imagePrefix).toBe('images/train/');
  });

  it('writes box lines when no polygon is selected', async () => {
    const context = boxesOnly();
    expect(yoloLineKind(context)).toBe('box');
    const files = await textEntries(yoloFormat.entries(context));
    expect(files['labels/train/day/a.txt']).toBe(
      '0 0.200000 0.200000 0.200000 0.200000\n' + '4 0.015000 0.045000 0.022000 0.066000\n',
    );
    expect(files['labels/train/night/deep/c.d.txt']).toBe('');
  });

  it('never mixes line kinds within one file', async () => {
    for (const context of [sampleContext(), boxesOnly()]) {
      const files = await textEntries(yoloFormat.entries(context));
      for (const [path, text] of Object.entries(files)) {
        if (!path.startsWith('labels/')) continue;
        const kinds = new Set(
          text
            .split('\n')
            .filter(Boolean)
            .map((line) => line.split(' ').length === 5),
        );
        expect(kinds.size, path).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives an image the class filter emptied an empty label file', async () => {
    const context = sampleContext();
    const emptied = { ...context, images: [{ ...context.images[2]!, annotations: [] }] };
    const files = await textEntries(yoloFormat.entries(emptied));
    expect(files['labels/train/night/deep/c.d.txt']).toBe('');
  });

  it('never writes a negative zero for coordinates at the edge', async () => {
    const context = sampleContext();
    const edge = { id: 'e', name: 'car', type: 'bbox', bounding_box: { x: -1e-9, y: 0, w: 2e-9, h: 10 } };
    const files = await textEntries(
      yoloFormat.entries({ ...context, images: [{ ...context.images[0]!, annotations: [edge] }] }),
    );
    expect(files['labels/train/day/a.txt']).toBe('0 0.000000 0.100000 0.000000 0.200000\n');
  });
});
