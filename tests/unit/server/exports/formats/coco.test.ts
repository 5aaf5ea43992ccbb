import { describe, expect, it } from 'vitest';
import { cocoFormat } from '../../../../../server/exports/formats/coco';
import { SIGN, sampleContext, textEntries } from '../sampleExport';
import { decodeRle } from '../rleDecode';

const COCO_PATH = 'annotations/instances_default.json';

describe('coco export format', () => {
  it('writes annotations/instances_default.json with ids from 1, category = class index + 1, holes as RLE', async () => {
    const files = await textEntries(cocoFormat.entries(sampleContext()));
    expect(Object.keys(files)).toEqual([COCO_PATH]);
    const text = files[COCO_PATH]!;
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      info: { description: 'Q1 <review> & "fixes"' },
      images: [
        { id: 1, file_name: 'day/a.jpg', width: 100, height: 50 },
        { id: 2, file_name: 'b.png', width: 0, height: 0 },
        { id: 3, file_name: 'night/deep/c.d.jpeg', width: 200, height: 100 },
      ],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [10, 5, 20, 10], area: 200, segmentation: [], iscrowd: 0 },
        {
          id: 2,
          image_id: 1,
          category_id: 2,
          bbox: [0, 0, 10, 10],
          area: 98,
          segmentation: { counts: expect.any(Array) as unknown, size: [50, 100] },
          iscrowd: 0,
        },
        {
          id: 3,
          image_id: 1,
          category_id: 5,
          bbox: [0.4, 0.6, 2.2, 3.3],
          area: 2.2 * 3.3,
          segmentation: [],
          iscrowd: 0,
        },
        { id: 4, image_id: 2, category_id: 1, bbox: [1, 1, 2, 2], area: 4, segmentation: [], iscrowd: 0 },
        {
          id: 5,
          image_id: 3,
          category_id: 2,
          bbox: [20, 10, 100, 50],
          area: 2500,
          segmentation: [[20, 10, 120, 10, 70, 60]],
          iscrowd: 0,
        },
      ],
      categories: [
        { id: 1, name: 'car', supercategory: '' },
        { id: 2, name: 'road', supercategory: '' },
        { id: 3, name: 'lane', supercategory: '' },
        { id: 4, name: 'head', supercategory: '' },
        { id: 5, name: SIGN, supercategory: '' },
      ],
    });
  });

  it('draws the holed polygon as a column-major RLE whose hole pixels are outside', async () => {
    const files = await textEntries(cocoFormat.entries(sampleContext()));
    const coco = JSON.parse(files[COCO_PATH]!) as { annotations: { segmentation: unknown }[] };
    const rle = coco.annotations[1]!.segmentation as { counts: number[]; size: [number, number] };
    // the square's top-left pixel is inside, so the outside run that must come first is empty
    expect(rle.counts[0]).toBe(0);
    const mask = decodeRle(rle);
    const inside: string[] = [];
    for (let x = 0; x < 100; x++) for (let y = 0; y < 50; y++) if (mask[x * 50 + y]) inside.push(`${x},${y}`);
    // the 10×10 square minus the hole's three pixel centres ((2.5,2.5) and (3.5,3.5) lie on the
    // hole's diagonal edge, which counts as crossed to their right, so they are outside too)
    expect(inside).toHaveLength(97);
    for (const hole of ['2,2', '3,2', '3,3']) expect(inside).not.toContain(hole);
    for (const kept of ['0,0', '9,9', '2,3', '4,2']) expect(inside).toContain(kept);
  });

  it('falls back to one list per ring when the image size is unknown', async () => {
    const context = sampleContext();
    const holed = context.images[0]!.annotations[1]!;
    const sizeless = { ...context.images[1]!, annotations: [holed] };
    const coco = JSON.parse(
      (await textEntries(cocoFormat.entries({ ...context, images: [sizeless] })))[COCO_PATH]!,
    ) as {
      annotations: { segmentation: unknown }[];
    };
    expect(coco.annotations[0]!.segmentation).toEqual([
      [0, 0, 10, 0, 10, 10, 0, 10],
      [2, 2, 4, 2, 4, 4],
    ]);
  });

  it('keeps the image (with no annotations) when the class filter emptied it', async () => {
    const context = sampleContext();
    const emptied = { ...context, images: context.images.map((image) => ({ ...image, annotations: [] })) };
    const coco = JSON.parse((await textEntries(cocoFormat.entries(emptied)))[COCO_PATH]!) as {
      images: unknown[];
      annotations: unknown[];
    };
    expect(coco.images).toHaveLength(3);
    expect(coco.annotations).toEqual([]);
  });

  it('recomputes a missing polygon bounding box as the enclosing rectangle', async () => {
    const context = sampleContext();
    const polygon = {
      id: 'p',
      name: 'road',
      type: 'polygon',
      polygon: {
        paths: [
          [
            { x: 5, y: 7 },
            { x: 9, y: 7 },
            { x: 9, y: 12 },
          ],
        ],
      },
    };
    const one = { ...context, images: [{ ...context.images[0]!, annotations: [polygon] }] };
    const coco = JSON.parse((await textEntries(cocoFormat.entries(one)))[COCO_PATH]!) as {
      annotations: { bbox: number[]; area: number }[];
    };
    expect(coco.annotations[0]!.bbox).toEqual([5, 7, 4, 5]);
    expect(coco.annotations[0]!.area).toBe(10);
  });
});
