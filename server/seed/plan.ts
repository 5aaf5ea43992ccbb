import type { SeedClass, SeedImageStatus } from './types';
import type { Context2D } from './draw/canvasKit';
import type { SeedRecipe } from './recipe';
import { createRandom } from './random';
import { AERIAL_DATASET, INBOX_DATASET, POSES_DATASET, STREET_DATASET } from './datasets';
import { annotationListProblems } from './validate';
import type { Lighting } from './scenes/street/plan';
import { planStreetImage } from './scenes/street/plan';
import { paintStreetScene } from './scenes/street/paint';
import { planAerialImage } from './scenes/aerial/plan';
import { paintAerialScene } from './scenes/aerial/paint';
import { planPosesImage } from './scenes/poses/plan';
import { paintPosesScene } from './scenes/poses/paint';

/**
 * Turns a recipe into every dataset, image and annotation, plus a painter per image. Planning is
 * pure and cheap; painting happens only when the image is not cached yet. Each image plans from
 * its own random stream (`<seed>/<dataset>/<index>`) and paints from another (`…/paint`).
 */
export interface PlannedImage {
  filename: string;
  directory_path: string;
  mime_type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  status: SeedImageStatus;
  annotations: Record<string, unknown>[];
  /** path of the bytes relative to the cache version folder */
  cacheFile: string;
  encode: { format: 'jpeg'; quality: number } | { format: 'png' };
  paint(ctx: Context2D): void;
}

export interface PlannedDataset {
  name: string;
  description: string | null;
  annotation_types: string[];
  classes: SeedClass[];
  images: PlannedImage[];
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

function planStreet(recipe: SeedRecipe): PlannedDataset {
  const { count, width, height, jpegQuality } = recipe.street;
  const images = Array.from({ length: count }, (_, index): PlannedImage => {
    const folder = streetFolder(index, count);
    const key = `${recipe.seed}/street/${index}`;
    const planned = planStreetImage(createRandom(key), width, height, folder.lighting, folder.highway, `s${pad(index, 4)}`);
    const filename = `${folder.camera}_${pad(1000 + index * 12, 6)}.jpg`;
    return {
      filename,
      directory_path: folder.path,
      mime_type: 'image/jpeg',
      width,
      height,
      status: planned.status,
      annotations: planned.annotations,
      cacheFile: `street-scenes${folder.path}/${filename}`,
      encode: { format: 'jpeg', quality: jpegQuality },
      paint: (ctx) => paintStreetScene(ctx, planned.scene, createRandom(`${key}/paint`)),
    };
  });
  return { ...STREET_DATASET, images };
}

function planAerial(recipe: SeedRecipe): PlannedDataset {
  const { count, size, minPolygons, maxPolygons, jpegQuality } = recipe.aerial;
  const images = Array.from({ length: count }, (_, index): PlannedImage => {
    const key = `${recipe.seed}/aerial/${index}`;
    const random = createRandom(key);
    // The first tile always carries the maximum: the editor's worst case is in every demo.
    const target = index === 0 ? maxPolygons : random.int(minPolygons, maxPolygons);
    const planned = planAerialImage(random, size, target);
    const folder = index < count / 2 ? '/zone-a' : '/zone-b';
    const filename = `tile_r${pad(Math.floor(index / 4), 2)}_c${pad(index % 4, 2)}.jpg`;
    return {
      filename,
      directory_path: folder,
      mime_type: 'image/jpeg',
      width: size,
      height: size,
      status: planned.status,
      annotations: planned.annotations,
      cacheFile: `aerial-tiles${folder}/${filename}`,
      encode: { format: 'jpeg', quality: jpegQuality },
      paint: (ctx) => paintAerialScene(ctx, planned.scene, createRandom(`${key}/paint`)),
    };
  });
  return { ...AERIAL_DATASET, images };
}

function planPoses(recipe: SeedRecipe): PlannedDataset {
  const { count, width, height } = recipe.poses;
  const images = Array.from({ length: count }, (_, index): PlannedImage => {
    const key = `${recipe.seed}/poses/${index}`;
    const planned = planPosesImage(createRandom(key), width, height);
    const filename = `crossing_${pad(index + 1, 4)}.png`;
    return {
      filename,
      directory_path: '/',
      mime_type: 'image/png',
      width,
      height,
      status: planned.status,
      annotations: planned.annotations,
      cacheFile: `poses-and-lanes/${filename}`,
      encode: { format: 'png' },
      paint: (ctx) => paintPosesScene(ctx, planned.scene, createRandom(`${key}/paint`)),
    };
  });
  return { ...POSES_DATASET, images };
}

/** Plans every dataset and refuses to go on if any generated annotation breaks §7.3. */
export function planSeed(recipe: SeedRecipe): PlannedDataset[] {
  const datasets = [planStreet(recipe), planAerial(recipe), planPoses(recipe), { ...INBOX_DATASET, images: [] }];
  for (const dataset of datasets) {
    for (const image of dataset.images) {
      const problems = annotationListProblems(image.annotations, dataset.classes, dataset.annotation_types);
      if (problems.length > 0) {
        throw new Error(`seed bug: ${dataset.name} ${image.directory_path}/${image.filename}: ${problems.slice(0, 5).join('; ')}`);
      }
    }
  }
  return datasets;
}
