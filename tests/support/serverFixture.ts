import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SeedFixture, SeedImage } from '../../server/seed/types';

/**
 * A small deterministic fixture for pictograph-local tests: three datasets (one empty), real PNG
 * and JPEG files (one 400×300 so thumbnails really resize), every image status, and all four
 * annotation types including unknown extra keys and low-confidence auto-annotations.
 */
export const STREET = 'Street Scenes';
export const AERIAL = 'Aerial Tiles';
export const EMPTY = 'Empty Set';
/** The Street Scenes image startTestServer archives after start. */
export const ARCHIVED_FILENAME = 'archived.png';

type Status = SeedImage['status'];

async function writeImage(dir: string, name: string, width: number, height: number, shade: number): Promise<string> {
  const path = join(dir, name);
  const base = sharp({
    create: { width, height, channels: 3, background: { r: shade, g: 255 - shade, b: (shade * 7) % 256 } },
  });
  await (name.endsWith('.png') ? base.png() : base.jpeg({ quality: 80 })).toFile(path);
  return path;
}

function streetAnnotations(n: number): Record<string, unknown>[] {
  if (n % 4 === 0) return [];
  const list: Record<string, unknown>[] = [
    {
      id: `car-${n}`,
      name: 'car',
      type: 'bbox',
      bounding_box: { x: 2 + n, y: 3, w: 10, h: 8 },
      confidence: 1,
      created_by: 'u-1',
      attributes: { occluded: 'false' },
    },
    {
      id: `road-${n}`,
      name: 'road',
      type: 'polygon',
      polygon: {
        paths: [
          [
            { x: 0, y: 0 },
            { x: 30, y: 0 },
            { x: 30, y: 20 },
          ],
        ],
      },
      bounding_box: { x: 0, y: 0, w: 30, h: 20 },
      confidence: 0.5 + n / 100,
      created_by: null,
      attributes: [],
      extra: { kept: n },
    },
  ];
  if (n % 2 === 1) {
    list.push({
      id: `lane-${n}`,
      name: 'lane',
      type: 'polyline',
      polyline: {
        path: [
          { x: 1, y: 1 },
          { x: 20, y: 15 },
        ],
      },
      bounding_box: { x: 1, y: 1, w: 19, h: 14 },
      confidence: 0.2 + n / 100,
      created_by: 'sam',
      attributes: [],
    });
    list.push({
      id: `head-${n}`,
      name: 'head',
      type: 'keypoint',
      keypoint: { x: 5, y: 6 },
      confidence: 1,
      created_by: null,
      attributes: [],
    });
  }
  return list;
}

export async function buildTestFixture(dir: string): Promise<SeedFixture> {
  await mkdir(dir, { recursive: true });
  const statuses: Status[] = ['new', 'in_progress', 'complete'];
  const street: SeedImage[] = [];
  for (let n = 0; n < 12; n++) {
    const png = n % 3 !== 2;
    const filename = `scene_${String(n).padStart(3, '0')}.${png ? 'png' : 'jpg'}`;
    const directory = n < 4 ? '/' : n < 8 ? '/day' : '/night';
    const big = n === 5;
    const [w, h] = big ? [400, 300] : [64, 48];
    const annotations = streetAnnotations(n);
    const status: Status = annotations.length === 0 ? 'new' : statuses[n % 3]!;
    street.push({
      filename,
      directory_path: directory,
      mime_type: png ? 'image/png' : 'image/jpeg',
      width: n === 7 ? null : w,
      height: n === 7 ? null : h,
      status,
      file: await writeImage(dir, `street-${filename}`, w, h, n * 20),
      annotations,
    });
  }
  street.push({
    filename: ARCHIVED_FILENAME,
    directory_path: '/',
    mime_type: 'image/png',
    width: 32,
    height: 32,
    status: 'complete',
    file: await writeImage(dir, 'street-archived.png', 32, 32, 200),
    annotations: [{ id: 'old-car', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 5, h: 5 } }],
  });

  const aerial: SeedImage[] = [];
  for (let n = 0; n < 4; n++) {
    const filename = `tile_${n}.png`;
    aerial.push({
      filename,
      directory_path: '/tiles/zoom-1',
      mime_type: 'image/png',
      width: 40,
      height: 40,
      status: n === 0 ? 'new' : 'in_progress',
      file: await writeImage(dir, `aerial-${filename}`, 40, 40, 100 + n * 30),
      annotations:
        n === 0
          ? []
          : [
              {
                id: `b-${n}`,
                name: 'building',
                type: 'polygon',
                polygon: {
                  paths: [
                    [
                      { x: 1, y: 1 },
                      { x: 9, y: 1 },
                      { x: 9, y: 9 },
                      { x: 1, y: 9 },
                    ],
                    [
                      { x: 3, y: 3 },
                      { x: 5, y: 3 },
                      { x: 5, y: 5 },
                    ],
                  ],
                },
                confidence: 0.3 * n,
              },
            ],
    });
  }

  return {
    org: { name: 'Acme Test', slug: 'acme-test' },
    datasets: [
      {
        name: STREET,
        description: 'Street scenes for tests',
        annotation_types: ['bbox', 'polygon', 'polyline', 'keypoint'],
        classes: [
          { name: 'car', color: '#e6194b', type: 'bbox' },
          { name: 'road', color: '#3cb44b', type: 'polygon' },
          { name: 'lane', color: '#ffe119', type: 'polyline' },
          { name: 'head', color: '#4363d8', type: 'keypoint' },
          { name: 'person', color: '#f58231' },
        ],
        images: street,
      },
      {
        name: AERIAL,
        description: null,
        annotation_types: ['polygon'],
        classes: [
          { name: 'building', color: '#911eb4', type: 'polygon' },
          { name: 'tree', color: '#46f0f0' },
        ],
        images: aerial,
      },
      {
        name: EMPTY,
        description: null,
        annotation_types: ['bbox'],
        classes: [{ name: 'thing', color: '#000000' }],
        images: [],
      },
    ],
  };
}
