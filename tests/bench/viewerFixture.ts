import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SeedFixture, SeedImage } from '../../server/seed/types';

/**
 * Data for the viewer benchmarks. "Bench frames": 1,010 dash-cam-sized JPEGs (1280×720, 20
 * shapes each) loaded from the seed, for paging. "Bench tiles": empty at start; the suite uploads
 * 4096² tiles through the API (upload-url → PUT → register) and saves their polygons with POST.
 */
export const FRAMES = 'Bench frames';
export const TILES = 'Bench tiles';
export const FRAME_COUNT = 1010;
export const TILE_CLASSES = [
  { name: 'building', color: '#e6194b', type: 'polygon' },
  { name: 'tree', color: '#3cb44b', type: 'polygon' },
  { name: 'pool', color: '#4363d8', type: 'polygon' },
  { name: 'road', color: '#f58231', type: 'polygon' },
];

function frameAnnotations(n: number): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (let i = 0; i < 10; i++) {
    const [x, y] = [40 + ((i * 113 + n * 7) % 1100), 300 + ((i * 37) % 300)];
    list.push({
      id: `car-${i}`,
      name: 'car',
      type: 'bbox',
      bounding_box: { x, y, w: 90, h: 60 },
      confidence: i % 3 === 0 ? 0.6 : 1,
      created_by: null,
      attributes: [],
    });
    const points = Array.from({ length: 12 }, (_, k) => ({
      x: x + Math.cos((k / 12) * Math.PI * 2) * 70,
      y: y - 150 + Math.sin((k / 12) * Math.PI * 2) * 50,
    }));
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    list.push({
      id: `road-${i}`,
      name: 'road',
      type: 'polygon',
      polygon: { paths: [points] },
      bounding_box: {
        x: Math.min(...xs),
        y: Math.min(...ys),
        w: Math.max(...xs) - Math.min(...xs),
        h: Math.max(...ys) - Math.min(...ys),
      },
      confidence: 1,
      created_by: null,
      attributes: [],
    });
  }
  return list;
}

export async function buildViewerFixture(dir: string): Promise<SeedFixture> {
  await mkdir(dir, { recursive: true });
  // A few distinct noisy frames, so decoding costs what a photo costs.
  const files: string[] = [];
  for (let k = 0; k < 4; k++) {
    const file = join(dir, `frame-${k}.jpg`);
    await sharp({
      create: {
        width: 1280,
        height: 720,
        channels: 3,
        background: { r: 60 + k * 40, g: 90, b: 120 - k * 20 },
        noise: { type: 'gaussian', mean: 110, sigma: 40 },
      },
    })
      .jpeg({ quality: 80 })
      .toFile(file);
    files.push(file);
  }
  const frames: SeedImage[] = Array.from({ length: FRAME_COUNT }, (_, n) => ({
    filename: `frame-${String(n).padStart(4, '0')}.jpg`,
    directory_path: '/',
    mime_type: 'image/jpeg',
    width: 1280,
    height: 720,
    status: 'new',
    file: files[n % files.length]!,
    annotations: frameAnnotations(n),
  }));
  return {
    datasets: [
      {
        name: FRAMES,
        description: null,
        annotation_types: ['bbox', 'polygon'],
        classes: [
          { name: 'car', color: '#e6194b', type: 'bbox' },
          { name: 'road', color: '#3cb44b', type: 'polygon' },
        ],
        images: frames,
      },
      { name: TILES, description: null, annotation_types: ['polygon'], classes: TILE_CLASSES, images: [] },
    ],
  };
}

/** `count` polygons of 20 vertices spread over a 4096² tile, in wire form. */
export function tilePolygons(count: number, seed: number): Record<string, unknown>[] {
  let s = seed >>> 0 || 1;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const cx = 20 + rnd() * 4056;
    const cy = 20 + rnd() * 4056;
    const r = 6 + rnd() * 14;
    const points = Array.from({ length: 20 }, (_, k) => {
      const angle = (k / 20) * Math.PI * 2;
      const radius = r * (0.75 + rnd() * 0.25);
      return { x: cx + Math.cos(angle) * radius, y: cy + Math.sin(angle) * radius };
    });
    return {
      id: `p${i}`,
      name: TILE_CLASSES[i % TILE_CLASSES.length]!.name,
      type: 'polygon',
      polygon: { paths: [points] },
      confidence: 1,
    };
  });
}
