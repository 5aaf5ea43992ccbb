import type { SeedClass, SeedImageStatus } from './types';
import type { Context2D } from './draw/canvasKit';
import type { SeedRecipe } from './recipe';
import { createRandom } from './random';
import { AERIAL_DATASET, INBOX_DATASET, POSES_DATASET, STREET_DATASET } from './datasets';
import type { Lighting } from './scenes/street/plan';
import { planStreetImage } from './scenes/street/plan';
import { paintStreetScene } from './scenes/street/paint';
import { planAerialImage } from './scenes/aerial/plan';
import { paintAerialScene } from './scenes/aerial/paint';
import { planPosesImage } from './scenes/poses/plan';
import { paintPosesScene } from './scenes/poses/paint';

/**
 * Turns a recipe into datasets and image slots (names, sizes, cache paths: cheap), and each slot
 * into its status, annotations and painter on demand. Each image plans from its own random stream
 * (`<seed>/<dataset>/<index>`) and paints from another (`…/paint`), so images can be planned one
 * at a time and dropped after painting: the aerial tiles alone are over a million points, and
 * keeping them all alive while painting made garbage collection cost more than the painting.
 */
export interface ImageSlot {
  filename: string;
  directory_path: string;
  mime_type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** path of the bytes relative to the cache version folder */
  cacheFile: string;
  encode: { format: 'jpeg'; quality: number } | { format: 'png' };
  plan(): PlannedImage;
}

export interface PlannedImage {
  status: SeedImageStatus;
  annotations: Record<string, unknown>[];
  paint(ctx: Context2D): void;
}

export interface DatasetLayout {
  name: string;
  description: string | null;
  annotation_types: string[];
  classes: SeedClass[];
  images: ImageSlot[];
}

const pad = (value: number, digits: number): string => String(value).padStart(digits, '0');

const STREET_FOLDERS: { path: string; share: number; lighting: Lighting; highway: boolean; camera: string }[] = [
  { path: '/day', share: 0.4, lighting: 'day', highway: false, camera: 'cam01' },
  { path: '/day/highway', share: 0.2, lighting: 'day', highway: true, camera: 'cam04' },
  { path: '/night', share: 0.22, lighting: 'night', highway: false, camera: 'cam02' },
  { path: '/rain', share: 0.18, lighting: 'rain', highway: false, camera: 'cam03' },
];

function streetFolder(index: number, count: number): (typeof STREET_FOLDERS)[number] {
  let boundary = 0;
  for (const folder of STREET_FOLDERS) {
    boundary += folder.share * count;
    if (index < Math.round(boundary)) return folder;
  }
  return STREET_FOLDERS[STREET_FOLDERS.length - 1]!;
}

function streetLayout(recipe: SeedRecipe): DatasetLayout {
  const { count, width, height, jpegQuality } = recipe.street;
  const images = Array.from({ length: count }, (_, index): ImageSlot => {
    const folder = streetFolder(index, count);
    const key = `${recipe.seed}/street/${index}`;
    const filename = `${folder.camera}_${pad(1000 + index * 12, 6)}.jpg`;
    return {
      filename,
      directory_path: folder.path,
      mime_type: 'image/jpeg',
      width,
      height,
      cacheFile: `street-scenes${folder.path}/${filename}`,
      encode: { format: 'jpeg', quality: jpegQuality },
      plan: () => {
        const planned = planStreetImage(
          createRandom(key),
          width,
          height,
          folder.lighting,
          folder.highway,
          `s${pad(index, 4)}`,
        );
        const paint = (ctx: Context2D) => paintStreetScene(ctx, planned.scene, createRandom(`${key}/paint`));
        return { status: planned.status, annotations: planned.annotations, paint };
      },
    };
  });
  return { ...STREET_DATASET, images };
}

function aerialLayout(recipe: SeedRecipe): DatasetLayout {
  const { count, size, minPolygons, maxPolygons, jpegQuality } = recipe.aerial;
  const images = Array.from({ length: count }, (_, index): ImageSlot => {
    const key = `${recipe.seed}/aerial/${index}`;
    const folder = index < count / 2 ? '/zone-a' : '/zone-b';
    const filename = `tile_r${pad(Math.floor(index / 4), 2)}_c${pad(index % 4, 2)}.jpg`;
    return {
      filename,
      directory_path: folder,
      mime_type: 'image/jpeg',
      width: size,
      height: size,
      cacheFile: `aerial-tiles${folder}/${filename}`,
      encode: { format: 'jpeg', quality: jpegQuality },
      plan: () => {
        const random = createRandom(key);
        // The first tile always carries the maximum: the editor's worst case is in every demo.
        const target = index === 0 ? maxPolygons : random.int(minPolygons, maxPolygons);
        const planned = planAerialImage(random, size, target);
        const paint = (ctx: Context2D) => paintAerialScene(ctx, planned.scene, createRandom(`${key}/paint`));
        return { status: planned.status, annotations: planned.annotations, paint };
      },
    };
  });
  return { ...AERIAL_DATASET, images };
}

function posesLayout(recipe: SeedRecipe): DatasetLayout {
  const { count, width, height } = recipe.poses;
  const images = Array.from({ length: count }, (_, index): ImageSlot => {
    const key = `${recipe.seed}/poses/${index}`;
    const filename = `crossing_${pad(index + 1, 4)}.png`;
    return {
      filename,
      directory_path: '/',
      mime_type: 'image/png',
      width,
      height,
      cacheFile: `poses-and-lanes/${filename}`,
      encode: { format: 'png' },
      plan: () => {
        const planned = planPosesImage(createRandom(key), width, height);
        const paint = (ctx: Context2D) => paintPosesScene(ctx, planned.scene, createRandom(`${key}/paint`));
        return { status: planned.status, annotations: planned.annotations, paint };
      },
    };
  });
  return { ...POSES_DATASET, images };
}

/** Every dataset with its image slots; nothing is planned yet. */
export function seedLayout(recipe: SeedRecipe): DatasetLayout[] {
  return [streetLayout(recipe), aerialLayout(recipe), posesLayout(recipe), { ...INBOX_DATASET, images: [] }];
}
