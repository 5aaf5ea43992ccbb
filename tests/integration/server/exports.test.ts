import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, STREET, startTestServer, type TestServer } from '../../support/server';
import { call, datasetId } from './helpers';

/**
 * Every export format end to end against a real pictograph-local: create through the API, poll
 * until completed, fetch the signed download without a key, unzip, and check the contents against
 * what the API itself says about the images and annotations.
 */
type Annotation = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface ImageInfo {
  id: string;
  filename: string;
  directory_path: string;
  width: number | null;
  height: number | null;
  status: string;
  annotations: Annotation[];
  bytes: Uint8Array;
  rel: string;
  stem: string;
}

let server: TestServer;
let images: ImageInfo[];
let classes: { name: string }[];

beforeAll(async () => {
  server = await startTestServer();
  const id = await datasetId(server, STREET);
  classes = (await call(server, 'GET', `/datasets/${id}`)).json.classes;
  const listed = (await call(server, 'GET', `/images/?dataset_id=${id}&limit=1000`)).json as Omit<
    ImageInfo,
    'annotations' | 'bytes' | 'rel' | 'stem'
  >[];
  images = [];
  for (const image of listed) {
    const annotations = (await call(server, 'GET', `/annotations/${image.id}`)).json.annotations as Annotation[];
    const res = await fetch(`${server.url}/api/v1/developer/images/${image.id}`, {
      headers: { 'X-API-Key': server.keys.owner },
    });
    const rel = image.directory_path === '/' ? image.filename : `${image.directory_path.slice(1)}/${image.filename}`;
    images.push({
      ...image,
      annotations,
      bytes: new Uint8Array(await res.arrayBuffer()),
      rel,
      stem: rel.replace(/\.[^./]+$/, ''),
    });
  }
});
afterAll(() => server?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ExportRecord = Record<string, any>;

async function exportZip(
  body: Record<string, unknown>,
): Promise<{ record: ExportRecord; files: Record<string, Uint8Array>; disposition: string | null }> {
  const created = await call(server, 'POST', '/exports/', {
    body: { dataset_name: 'street-scenes', ...body },
  });
  expect(created.status, created.text).toBe(201);
  let record = created.json;
  for (let i = 0; i < 600 && (record.status === 'pending' || record.status === 'processing'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    record = (await call(server, 'GET', `/exports/${created.json.id}`)).json;
  }
  expect(record.status, record.error_message).toBe('completed');
  const link = await call(server, 'GET', `/exports/${record.id}/download`);
  const zip = await fetch(link.json.download_url); // signed: no key
  expect(zip.status).toBe(200);
  const bytes = new Uint8Array(await zip.arrayBuffer());
  expect(bytes.length).toBe(record.file_size);
  return { record, files: unzipSync(bytes), disposition: zip.headers.get('content-disposition') };
}

const ofTypes = (image: ImageInfo, types: string[]) => image.annotations.filter((a) => types.includes(a.type));
const total = (types: string[]) => images.reduce((sum, image) => sum + ofTypes(image, types).length, 0);
const text = (files: Record<string, Uint8Array>, path: string): string => {
  const file = files[path];
  if (!file) throw new Error(`missing ${path}; have ${Object.keys(files).join(', ')}`);
  return strFromU8(file);
};
const run = promisify(execFile);
const READER = fileURLToPath(new URL('./readers/read_export.py', import.meta.url));

/**
 * Unzips into a temp folder and runs the Python reader (PyYAML, ElementTree, the readers' own
 * steps); returns its JSON summary. A layout a reader would reject makes the script exit non-zero.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reader's JSON summary, checked field by field
async function readWithPython(format: string, files: Record<string, Uint8Array>): Promise<any> {
  const root = await mkdtemp(join(tmpdir(), 'export-reader-'));
  try {
    for (const [path, bytes] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), bytes);
    }
    const { stdout } = await run('python3', [READER, format, root]);
    return JSON.parse(stdout);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _p, _l, isAttribute) =>
    !isAttribute && ['image', 'object', 'box', 'polygon', 'polyline', 'points', 'label'].includes(name),
});

describe('exports through the API', () => {
  it('pictograph: the per-image file per image, equal to the API, with images and Content-Disposition', async () => {
    const { record, files, disposition } = await exportZip({
      name: 'fmt pictograph #1',
      format: 'pictograph',
      include_images: true,
    });
    expect(disposition).toBe('attachment; filename="street-scenes-fmt_pictograph__1.zip"');
    expect(record).toMatchObject({
      image_count: images.length,
      annotation_count: total(['bbox', 'polygon', 'polyline', 'keypoint']),
    });
    for (const image of images) {
      const file = JSON.parse(text(files, `annotations/${image.rel}.json`));
      expect(file).toEqual({
        image: image.filename,
        image_url: `${server.url}/api/v1/developer/images/${image.id}`,
        image_uuid: image.id,
        image_path: image.directory_path,
        annotation_count: image.annotations.length,
        dataset: { name: STREET, slug: 'street-scenes' },
        org: { name: 'Acme Test', slug: 'acme-test' },
        annotations: image.annotations,
      });
      expect(files[`images/${image.rel}`]).toEqual(image.bytes);
    }
  });

  it('coco: image, annotation and category counts, ids from 1', async () => {
    const { files } = await exportZip({ name: 'fmt coco', format: 'coco' });
    const coco = JSON.parse(text(files, 'annotations/instances_default.json'));
    expect(coco.info).toEqual({ description: 'fmt coco' });
    expect(coco.images.map((i: { file_name: string }) => i.file_name)).toEqual(images.map((i) => i.rel));
    expect(coco.annotations).toHaveLength(total(['bbox', 'polygon']));
    expect(coco.annotations.map((a: { id: number }) => a.id)).toEqual(
      coco.annotations.map((_: unknown, i: number) => i + 1),
    );
    expect(coco.categories).toEqual(classes.map((c, i) => ({ id: i + 1, name: c.name, supercategory: '' })));
    expect(Object.keys(files)).toEqual(['annotations/instances_default.json']);
    const read = await readWithPython('coco', files);
    expect(read.annotations).toHaveLength(total(['bbox', 'polygon']));
  });

  it('yolo: the Ultralytics layout, every line a segment (the dataset has polygons), read by the Python reader', async () => {
    const { files } = await exportZip({ name: 'fmt yolo', format: 'yolo', include_images: true });
    expect(text(files, 'data.yaml')).toBe(
      'path: .\ntrain: images/train\nval: images/train\n' +
        `nc: ${classes.length}\nnames: [${classes.map((c) => JSON.stringify(c.name)).join(', ')}]\n`,
    );
    for (const image of images) {
      const lines = text(files, `labels/train/${image.stem}.txt`).split('\n').filter(Boolean);
      expect(lines).toHaveLength(image.width === null ? 0 : ofTypes(image, ['bbox', 'polygon']).length);
      for (const line of lines) {
        const [cls, ...values] = line.split(' ');
        expect(Number.isInteger(Number(cls))).toBe(true);
        expect(values.length).toBeGreaterThan(4); // segments only: a box is its 4 corners
        for (const value of values) {
          expect(value).toMatch(/^\d\.\d{6}$/);
          expect(Number(value)).toBeGreaterThanOrEqual(0);
          expect(Number(value)).toBeLessThanOrEqual(1);
        }
      }
      expect(files[`images/train/${image.rel}`]).toEqual(image.bytes);
    }
    const read = await readWithPython('yolo', files);
    expect(read.names).toEqual(classes.map((c) => c.name));
    expect(Object.keys(read.files).sort()).toEqual(images.map((i) => i.rel).sort());
    for (const image of images) {
      const file = read.files[image.rel];
      expect(file.mixed, image.rel).toBe(false);
      expect(file.lines).toBe(image.width === null ? 0 : ofTypes(image, ['bbox', 'polygon']).length);
    }
  });

  it('yolo: box lines only when the class filter leaves no polygon', async () => {
    const { files } = await exportZip({ name: 'fmt yolo boxes', format: 'yolo', class_filter: ['car'] });
    for (const image of images) {
      for (const line of text(files, `labels/train/${image.stem}.txt`).split('\n').filter(Boolean)) {
        expect(line.split(' ')).toHaveLength(5);
      }
    }
  });

  it('pascal_voc: one XML per image with an object per box-like annotation, images under JPEGImages/', async () => {
    const { files } = await exportZip({ name: 'fmt voc', format: 'pascal_voc', include_images: true });
    for (const image of images) {
      const doc = xml.parse(text(files, `Annotations/${image.stem}.xml`)).annotation;
      expect(doc.filename).toBe(image.rel);
      expect(doc.size).toEqual({ width: image.width ?? 0, height: image.height ?? 0, depth: 3 });
      expect(doc.object ?? []).toHaveLength(ofTypes(image, ['bbox', 'polygon', 'polyline']).length);
      expect(files[`JPEGImages/${image.rel}`]).toEqual(image.bytes);
    }
    expect(text(files, 'ImageSets/Main/default.txt')).toBe(
      images
        .map((i) => i.stem)
        .sort()
        .map((stem) => `${stem}\n`)
        .join(''),
    );
    const read = await readWithPython('pascal_voc', files);
    expect(read.labels.map((l: { name: string }) => l.name)).toEqual(['background', ...classes.map((c) => c.name)]);
    expect(read.labels[1].color).toEqual([0xe6, 0x19, 0x4b]);
    expect(Object.keys(read.items)).toHaveLength(images.length);
    for (const image of images) {
      expect(read.items[image.stem].objects).toHaveLength(ofTypes(image, ['bbox', 'polygon', 'polyline']).length);
    }
  });

  it('labelme: <stem>.json beside each image with one shape per annotation', async () => {
    const { files } = await exportZip({ name: 'fmt labelme', format: 'labelme', include_images: true });
    for (const image of images) {
      const doc = JSON.parse(text(files, `${image.stem}.json`));
      expect(doc).toMatchObject({
        version: '5.2.1',
        imagePath: image.filename,
        imageData: null,
        imageWidth: image.width ?? 0,
        imageHeight: image.height ?? 0,
      });
      expect(doc.shapes.map((s: { label: string }) => s.label)).toEqual(image.annotations.map((a) => a.name));
      expect(files[image.rel]).toEqual(image.bytes);
    }
  });

  it('cvat: parses, with one <image> per image and every shape', async () => {
    const { files } = await exportZip({ name: 'fmt cvat', format: 'cvat' });
    const doc = xml.parse(text(files, 'annotations.xml')).annotations;
    expect(doc.version).toBe(1.1);
    expect(doc.meta.task.labels.label.map((l: { name: string }) => l.name)).toEqual(classes.map((c) => c.name));
    expect(doc.image.map((i: { name: string }) => i.name)).toEqual(images.map((i) => i.rel));
    doc.image.forEach((element: Record<string, unknown[] | undefined>, index: number) => {
      const image = images[index]!;
      expect(element.box ?? []).toHaveLength(ofTypes(image, ['bbox']).length);
      expect(element.polygon ?? []).toHaveLength(ofTypes(image, ['polygon']).length);
      expect(element.polyline ?? []).toHaveLength(ofTypes(image, ['polyline']).length);
      expect(element.points ?? []).toHaveLength(ofTypes(image, ['keypoint']).length);
    });
  });

  it('csv: one row per box-like annotation, matching the API', async () => {
    const { files } = await exportZip({ name: 'fmt csv', format: 'csv' });
    const rows = parseCsv(text(files, 'annotations.csv'), { columns: true }) as Record<string, string>[];
    const expected = images.flatMap((image) =>
      ofTypes(image, ['bbox', 'polygon', 'polyline']).map((a) => ({
        filename: image.rel,
        width: String(image.width ?? 0),
        height: String(image.height ?? 0),
        class: a.name,
        xmin: String(a.bounding_box.x),
        ymin: String(a.bounding_box.y),
        xmax: String(a.bounding_box.x + a.bounding_box.w),
        ymax: String(a.bounding_box.y + a.bounding_box.h),
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('coco: holed polygons of Aerial Tiles as RLE masks pycocotools-style readers accept, area exact', async () => {
    const created = await call(server, 'POST', '/exports/', {
      body: { dataset_name: AERIAL, name: 'holes', format: 'coco' },
    });
    expect(created.status, created.text).toBe(201);
    let record = created.json;
    while (record.status === 'pending' || record.status === 'processing') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      record = (await call(server, 'GET', `/exports/${record.id}`)).json;
    }
    expect(record.status, record.error_message).toBe('completed');
    const link = await call(server, 'GET', `/exports/${record.id}/download`);
    const files = unzipSync(new Uint8Array(await (await fetch(link.json.download_url)).arrayBuffer()));
    const read = await readWithPython('coco', files);
    const holed = read.annotations.filter((a: { kind: string }) => a.kind === 'rle');
    expect(holed.length).toBeGreaterThan(0);
    for (const annotation of holed) {
      // the 8×8 square minus a triangle of area 2: 64 − 2 = 62; the mask's pixel count is close to it
      expect(annotation.area).toBe(62);
      expect(Math.abs(annotation.pixels - 62)).toBeLessThanOrEqual(2);
    }
  });

  it('status and class filters: counts after filtering, emptied images still listed', async () => {
    const { record, files } = await exportZip({
      name: 'filtered',
      format: 'coco',
      class_filter: ['car'],
      status_filter: 'in_progress',
    });
    const selected = images.filter((image) => image.status === 'in_progress');
    const cars = selected.reduce((sum, image) => sum + image.annotations.filter((a) => a.name === 'car').length, 0);
    expect(selected.length).toBeGreaterThan(0);
    expect(record).toMatchObject({ image_count: selected.length, annotation_count: cars });
    const coco = JSON.parse(text(files, 'annotations/instances_default.json'));
    expect(coco.images).toHaveLength(selected.length);
    expect(coco.annotations.every((a: { category_id: number }) => a.category_id === 1)).toBe(true);
  });
});
