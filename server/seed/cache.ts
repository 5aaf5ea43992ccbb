import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedFixture } from './types';

/**
 * The on-disk cache of one recipe version: `<cacheDir>/<version>/` holding the images,
 * `fixture.json` (image `file`s relative to the folder) and `manifest.json`, written last. The
 * folder is complete only if the manifest exists, names the same recipe key, and every file it
 * lists is there with its recorded size; anything else is treated as absent and rebuilt.
 */
export const MANIFEST_FILE = 'manifest.json';
export const FIXTURE_FILE = 'fixture.json';
const MANIFEST_FORMAT = 1;

export interface SeedManifest {
  format: number;
  recipeKey: string;
  fixtureSha256: string;
  /** cache-relative path → byte size */
  files: Record<string, number>;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Plain writes are enough: `folder` is a private build folder that nobody reads until it is renamed
 * into place whole (build.ts), and a folder whose manifest is missing or disagrees with its files
 * is rebuilt anyway.
 */
export async function writeCacheIndex(
  folder: string,
  manifest: Omit<SeedManifest, 'format' | 'fixtureSha256'>,
  fixtureJson: string,
): Promise<void> {
  await writeFile(join(folder, FIXTURE_FILE), fixtureJson);
  const complete: SeedManifest = { format: MANIFEST_FORMAT, fixtureSha256: sha256(fixtureJson), ...manifest };
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(complete, null, 1)}\n`);
}

async function readManifest(folder: string): Promise<SeedManifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    const manifest = parsed as Partial<SeedManifest>;
    if (manifest.format !== MANIFEST_FORMAT || typeof manifest.recipeKey !== 'string') return undefined;
    if (typeof manifest.fixtureSha256 !== 'string' || typeof manifest.files !== 'object' || manifest.files === null)
      return undefined;
    return manifest as SeedManifest;
  } catch {
    return undefined; // missing or unreadable: not a cache
  }
}

/** Resolves each image's cache-relative `file` against the folder. */
export function withAbsoluteFiles(fixture: SeedFixture, folder: string): SeedFixture {
  return {
    ...fixture,
    datasets: fixture.datasets.map((dataset) => ({
      ...dataset,
      images: dataset.images.map((image) => ({ ...image, file: join(folder, image.file) })),
    })),
  };
}

/** The cached fixture (absolute file paths), or undefined when the folder is not a complete cache of `recipeKey`. */
export async function loadCachedFixture(folder: string, recipeKey: string): Promise<SeedFixture | undefined> {
  const manifest = await readManifest(folder);
  if (!manifest || manifest.recipeKey !== recipeKey) return undefined;
  for (const [file, size] of Object.entries(manifest.files)) {
    const info = await stat(join(folder, file)).catch(() => undefined);
    if (!info || info.size !== size) return undefined;
  }
  const fixtureJson = await readFile(join(folder, FIXTURE_FILE), 'utf8').catch(() => undefined);
  if (fixtureJson === undefined || sha256(fixtureJson) !== manifest.fixtureSha256) return undefined;
  return withAbsoluteFiles(JSON.parse(fixtureJson) as SeedFixture, folder);
}
