import { describe, expect, it } from 'vitest';
import { labelmeFormat } from '../../../../../server/exports/formats/labelme';
import { SIGN, sampleContext, textEntries } from '../sampleExport';

const shape = (label: string, shape_type: string, points: number[][]) => ({
  label,
  points,
  group_id: null,
  shape_type,
  flags: {},
  description: '',
});

describe('labelme export format', () => {
  it('writes <stem>.json beside the image with one shape per annotation', async () => {
    const files = await textEntries(labelmeFormat.entries(sampleContext()));
    expect(Object.keys(files).sort()).toEqual(['b.json', 'day/a.json', 'night/deep/c.d.json']);
    expect(JSON.parse(files['day/a.json']!)).toEqual({
      version: '5.2.1',
      flags: {},
      shapes: [
        shape('car', 'rectangle', [
          [10, 5],
          [30, 15],
        ]),
        shape('road', 'polygon', [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ]), // outer ring only
        shape('lane', 'linestrip', [
          [1, 2],
          [5, 6],
          [9, 2],
        ]),
        shape('head', 'point', [[3.5, 4.25]]),
        shape(SIGN, 'rectangle', [
          [0.4, 0.6],
          [2.6, 3.9],
        ]),
      ],
      imagePath: 'a.jpg',
      imageData: null,
      imageHeight: 50,
      imageWidth: 100,
    });
    expect(labelmeFormat.imagePrefix).toBe('');
  });

  it('writes unknown sizes as 0, in labelme key order, indented, ending in a newline', async () => {
    const files = await textEntries(labelmeFormat.entries(sampleContext()));
    const expected = {
      version: '5.2.1',
      flags: {},
      shapes: [
        shape('car', 'rectangle', [
          [1, 1],
          [3, 3],
        ]),
      ],
      imagePath: 'b.png',
      imageData: null,
      imageHeight: 0,
      imageWidth: 0,
    };
    expect(files['b.json']).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});
