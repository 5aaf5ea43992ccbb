import { stat } from 'node:fs/promises';
import type { SeedDataset, SeedFixture, SeedImage } from '../seed/types';
import type { BlobStore } from '../store/blobs';
import type { DatasetClassRecord, DatasetRow } from '../store/datasets';
import { inTransaction } from '../store/db';
import type { ImageRow, ImageStatus } from '../store/images';
import type { Store } from '../store';
import { isoAt, type Clock } from '../util/clock';
import { sha256OfFile } from '../util/hash';
import { newId } from '../util/ids';
import { uniqueSlug } from '../util/slug';
import { ANNOTATION_TYPES, canonicalizeAnnotations, type CanonicalList } from '../validation/annotations';
import { allowedImageType } from '../validation/media';
import { directoryPathProblem, filenameProblem } from '../validation/paths';

const IMAGE_STATUSES: readonly ImageStatus[] = ['new', 'in_progress', 'complete'];
const COLOR = /^#[0-9a-f]{6}$/;

interface PreparedImage {
  row: ImageRow;
  list: CanonicalList;
  source: string;
}

/**
 * Loads a seed fixture into a new data directory. Everything is checked first (a bad fixture
 * throws with the dataset and image named, and nothing is written to the database); bytes are
 * linked or copied into blobs/, then every row goes in one transaction.
 */
export async function applySeed(store: Store, blobs: BlobStore, fixture: SeedFixture, clock: Clock): Promise<void> {
  const at = isoAt(clock());
  const taken = store.datasets.takenSlugs();
  const names = new Set<string>();
  const datasets: { row: DatasetRow; images: PreparedImage[] }[] = [];
  for (const seed of fixture.datasets) {
    if (names.has(seed.name)) throw new Error(`seed: duplicate dataset name "${seed.name}"`);
    names.add(seed.name);
    const row = datasetRow(seed, uniqueSlug(seed.name, taken), at);
    taken.add(row.slug);
    const images: PreparedImage[] = [];
    for (const image of seed.images) images.push(await prepareImage(row, image, at));
    datasets.push({ row, images });
  }
  for (const { images } of datasets) {
    for (const image of images) await blobs.importFile(image.source, blobs.blobPath(image.row.blob));
  }
  inTransaction(store.db, () => {
    for (const { row, images } of datasets) {
      store.datasets.insert(row);
      for (const image of images) {
        store.images.insert(image.row);
        store.annotations.put(image.row.id, { json: image.list.json, etag: image.list.etag });
      }
    }
  });
}

function datasetRow(seed: SeedDataset, slug: string, at: string): DatasetRow {
  const where = `seed dataset "${seed.name}"`;
  if (seed.name.length < 1) throw new Error(`${where}: empty name`);
  const types = ANNOTATION_TYPES.filter((t) => seed.annotation_types.includes(t));
  const unknownType = seed.annotation_types.find((t) => !(ANNOTATION_TYPES as readonly string[]).includes(t));
  if (unknownType) throw new Error(`${where}: unknown annotation type "${unknownType}"`);
  const classNames = new Set<string>();
  const classes: DatasetClassRecord[] = seed.classes.map((c) => {
    if (c.name.length < 1 || c.name.length > 120 || classNames.has(c.name))
      throw new Error(`${where}: bad or duplicate class "${c.name}"`);
    classNames.add(c.name);
    const color = c.color.toLowerCase();
    if (!COLOR.test(color)) throw new Error(`${where}: class "${c.name}" color must be #rrggbb`);
    if (c.type !== undefined && !(ANNOTATION_TYPES as readonly string[]).includes(c.type)) {
      throw new Error(`${where}: class "${c.name}" has unknown type "${c.type}"`);
    }
    return c.type === undefined ? { name: c.name, color } : { name: c.name, color, type: c.type };
  });
  return {
    id: newId(),
    name: seed.name,
    slug,
    description: seed.description,
    annotation_types: types,
    classes,
    created_at: at,
    updated_at: at,
  };
}

async function prepareImage(dataset: DatasetRow, seed: SeedImage, at: string): Promise<PreparedImage> {
  const where = `seed image "${seed.directory_path}/${seed.filename}" in "${dataset.name}"`;
  const problem = filenameProblem(seed.filename) ?? directoryPathProblem(seed.directory_path);
  if (problem) throw new Error(`${where}: ${problem}`);
  const mime = allowedImageType(seed.mime_type);
  if (!mime) throw new Error(`${where}: mime type "${seed.mime_type}" is not allowed`);
  if (!IMAGE_STATUSES.includes(seed.status)) throw new Error(`${where}: bad status "${seed.status}"`);
  const result = canonicalizeAnnotations(seed.annotations, {
    classes: dataset.classes,
    annotationTypes: dataset.annotation_types,
  });
  if (!result.ok) throw new Error(`${where}: invalid annotations: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const info = await stat(seed.file);
  const id = newId();
  return {
    source: seed.file,
    list: result.list,
    row: {
      id,
      dataset_id: dataset.id,
      filename: seed.filename,
      directory_path: seed.directory_path,
      width: seed.width,
      height: seed.height,
      file_size: info.size,
      mime_type: mime,
      sha256: await sha256OfFile(seed.file),
      blob: id,
      status: seed.status,
      annotation_count: result.list.count,
      min_confidence: result.list.minConfidence,
      is_archived: false,
      created_at: at,
      updated_at: at,
    },
  };
}
