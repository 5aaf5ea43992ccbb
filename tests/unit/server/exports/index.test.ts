import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildExportInput, ExportSourceImage } from '../../../../server/exports';
import { buildExportZip } from '../../../../server/exports';
import { CLASSES, sampleImages } from './sampleExport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exports-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(overrides: Partial<BuildExportInput> = {}): BuildExportInput {
  return {
    exportName: 'weekly',
    format: 'pictograph',
    includeImages: false,
    classFilter: null,
    statusFilter: null,
    dataset: { name: 'Street Scenes', slug: 'street-scenes', classes: CLASSES },
    org: { name: 'Acme', slug: 'acme' },
    apiBaseUrl: 'http://127.0.0.1:9/api/v1/developer',
    images: sampleImages(),
    outPath: join(dir, 'out.zip'),
    ...overrides,
  };
}

async function unzip(path: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await readFile(path)));
}

describe('buildExportZip', () => {
  it('writes the archive atomically and reports size and counts', async () => {
    const result = await buildExportZip(input());
    const bytes = await readFile(join(dir, 'out.zip'));
    expect(result).toEqual({ fileSize: bytes.length, imageCount: 3, annotationCount: 7 });
    expect(await readdir(dir)).toEqual(['out.zip']); // no .tmp left behind
  });

  it('applies the status filter to images', async () => {
    const result = await buildExportZip(input({ statusFilter: 'new', format: 'csv' }));
    expect(result).toMatchObject({ imageCount: 1, annotationCount: 1 });
    const files = await unzip(join(dir, 'out.zip'));
    expect(strFromU8(files['annotations.csv']!)).toBe(
      'filename,width,height,class,xmin,ymin,xmax,ymax\nb.png,0,0,car,1,1,3,3\n',
    );
  });

  it('applies the class filter to annotations, keeps emptied images, and counts whatever the format', async () => {
    const result = await buildExportZip(input({ classFilter: ['car', 'head'], format: 'yolo' }));
    // keypoints are not representable in YOLO but still count (§8)
    expect(result).toMatchObject({ imageCount: 3, annotationCount: 3 });
    const files = await unzip(join(dir, 'out.zip'));
    expect(Object.keys(files)).toEqual([
      'data.yaml',
      'labels/train/b.txt',
      'labels/train/day/a.txt',
      'labels/train/night/deep/c.d.txt',
    ]);
    // the filter removed every polygon, so this is a detection export of box lines
    expect(strFromU8(files['labels/train/day/a.txt']!)).toBe('0 0.200000 0.200000 0.200000 0.200000\n');
    expect(strFromU8(files['labels/train/night/deep/c.d.txt']!)).toBe('');
  });

  it.each([
    ['pictograph', 'images/'],
    ['coco', 'images/'],
    ['yolo', 'images/train/'],
    ['cvat', 'images/'],
    ['csv', 'images/'],
    ['pascal_voc', 'JPEGImages/'],
    ['labelme', ''],
  ])('%s with include_images puts the original bytes under "%s<rel>", entries sorted', async (format, prefix) => {
    await buildExportZip(input({ format, includeImages: true }));
    const files = await unzip(join(dir, 'out.zip'));
    expect(strFromU8(files[`${prefix}day/a.jpg`]!)).toBe('JPEG-A');
    expect(strFromU8(files[`${prefix}b.png`]!)).toBe('PNG-B');
    expect(strFromU8(files[`${prefix}night/deep/c.d.jpeg`]!)).toBe('JPEG-C');
    const names = Object.keys(files);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('reads images only with include_images', async () => {
    let reads = 0;
    const images = sampleImages().map((image) => ({ ...image, readBytes: async () => (reads++, new Uint8Array([1])) }));
    await buildExportZip(input({ images }));
    expect(reads).toBe(0);
  });

  it('accepts an async iterable of images', async () => {
    async function* stream(): AsyncGenerator<ExportSourceImage> {
      for (const image of sampleImages()) yield image;
    }
    const result = await buildExportZip(input({ images: stream(), format: 'coco' }));
    expect(result.imageCount).toBe(3);
  });

  it('keeps both label files when two images share a stem', async () => {
    const [first] = sampleImages();
    const twins = [first!, { ...first!, id: 'img-9', filename: 'a.png', mime_type: 'image/png' }];
    await buildExportZip(input({ images: twins, format: 'pascal_voc' }));
    const files = await unzip(join(dir, 'out.zip'));
    expect(Object.keys(files)).toEqual([
      'Annotations/day/a.png.xml',
      'Annotations/day/a.xml',
      'ImageSets/Main/default.txt',
      'labelmap.txt',
    ]);
    expect(strFromU8(files['ImageSets/Main/default.txt']!)).toBe('day/a\nday/a.png\n');
  });

  it('stores non-ASCII paths as UTF-8 names', async () => {
    const [first] = sampleImages();
    await buildExportZip(input({ images: [{ ...first!, filename: 'Straße 東京.jpg', directory_path: '/nuit é' }] }));
    const files = await unzip(join(dir, 'out.zip'));
    expect(Object.keys(files)).toEqual(['annotations/nuit é/Straße 東京.jpg.json']);
  });

  it('rejects an unknown format without writing anything', async () => {
    await expect(buildExportZip(input({ format: 'tfrecord' }))).rejects.toThrow(/unknown export format "tfrecord"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves neither archive nor temp file when reading an image fails', async () => {
    const images = sampleImages().map((image, i) =>
      i === 1 ? { ...image, readBytes: async () => Promise.reject(new Error('blob gone')) } : image,
    );
    await expect(buildExportZip(input({ images, includeImages: true }))).rejects.toThrow('blob gone');
    expect(await readdir(dir)).toEqual([]);
  });
});
