import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedFixture } from './types';
import type { SeedRecipe } from './recipe';
import type { DatasetLayout } from './plan';
import { seedLayout } from './plan';
import type { RenderJob } from './render';
import { renderImages } from './render';
import { loadCachedFixture, sha256, withAbsoluteFiles, writeCacheIndex } from './cache';
import type { LineLog } from '../../shared/log';

export interface BuildSeedOptions {
  log?: LineLog;
}

/**
 * Returns the fixture for `recipe`, painting its images into `<cacheDir>/<version>/` only when no
 * complete cache is there. A build happens in a private `<version>.build-<pid>-…` folder that is
 * renamed into place when finished, so concurrent builders (parallel test files) never see or
 * clobber each other's half-written files; the loser of the final rename adopts the winner's cache.
 */
export async function buildSeed(
  recipe: SeedRecipe,
  cacheDir: string,
  options: BuildSeedOptions = {},
): Promise<SeedFixture> {
  const log = options.log ?? (() => undefined);
  const recipeKey = sha256(JSON.stringify(recipe));
  const versionFolder = join(cacheDir, recipe.version);
  const started = performance.now();

  const cached = await loadCachedFixture(versionFolder, recipeKey);
  if (cached) {
    log(`demo seed: using cache ${versionFolder} (${Math.round(performance.now() - started)} ms)`);
    return cached;
  }

  await mkdir(cacheDir, { recursive: true });
  await removeAbandonedBuilds(cacheDir, recipe.version);
  const datasets = seedLayout(recipe);
  const imageCount = datasets.reduce((sum, dataset) => sum + dataset.images.length, 0);
  log(`demo seed: painting ${imageCount} images into ${versionFolder} (first run only)`);

  const buildFolder = `${versionFolder}.build-${process.pid}-${Date.now().toString(36)}`;
  try {
    const entries = new Map<DatasetLayout, string[]>(datasets.map((dataset) => [dataset, []]));
    const step = Math.max(1, Math.round(imageCount / 10));
    const sizes = await renderImages(planAll(datasets, entries), buildFolder, (done) => {
      if (done % step === 0 || done === imageCount) log(`demo seed: ${done}/${imageCount} images`);
    });
    const fixtureJson = fixtureText(recipe, datasets, entries);
    await writeCacheIndex(buildFolder, { recipeKey, files: Object.fromEntries([...sizes].sort()) }, fixtureJson);
    const published = await publish(buildFolder, versionFolder, recipeKey);
    log(`demo seed: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return published ?? withAbsoluteFiles(JSON.parse(fixtureJson) as SeedFixture, versionFolder);
  } finally {
    await rm(buildFolder, { recursive: true, force: true });
  }
}

/**
 * Plans each image just before it is painted and keeps only its fixture entry, as JSON text:
 * a string is one object to the garbage collector, a million points are a million. Datasets are
 * interleaved (each image at its fractional position within its dataset), so the few huge aerial
 * tiles compress on the pool while this thread records many small street scenes, instead of all
 * arriving at the end with nothing to overlap.
 */
function* planAll(datasets: DatasetLayout[], entries: Map<DatasetLayout, string[]>): Generator<RenderJob> {
  const order = datasets
    .flatMap((dataset) =>
      dataset.images.map((slot, index) => ({ dataset, slot, at: (index + 0.5) / dataset.images.length })),
    )
    .sort((a, b) => a.at - b.at);
  const byDataset = new Map<DatasetLayout, string[]>();
  for (const { dataset, slot } of order) {
    // Not validated here: loading the fixture (server/bootstrap/seed.ts) runs pictograph-local's own
    // §7.3 canonicalisation on every list, and the plan test holds the demo to that canonical form.
    const planned = slot.plan();
    const meta = {
      filename: slot.filename,
      directory_path: slot.directory_path,
      mime_type: slot.mime_type,
      width: slot.width,
      height: slot.height,
      status: planned.status,
      file: slot.cacheFile,
    };
    const entry = `${JSON.stringify(meta).slice(0, -1)},"annotations":${JSON.stringify(planned.annotations)}}`;
    const list = byDataset.get(dataset) ?? [];
    list[dataset.images.indexOf(slot)] = entry;
    byDataset.set(dataset, list);
    yield { slot, paint: planned.paint };
  }
  for (const dataset of datasets) entries.set(dataset, byDataset.get(dataset) ?? []);
}

/** The fixture as JSON with cache-relative file paths, assembled from the per-image entries. */
function fixtureText(recipe: SeedRecipe, datasets: DatasetLayout[], entries: Map<DatasetLayout, string[]>): string {
  const parts = datasets.map((dataset) => {
    const meta = {
      name: dataset.name,
      description: dataset.description,
      annotation_types: dataset.annotation_types,
      classes: dataset.classes,
    };
    return `${JSON.stringify(meta).slice(0, -1)},"images":[${entries.get(dataset)!.join(',')}]}`;
  });
  return `{"org":${JSON.stringify(recipe.org)},"datasets":[${parts.join(',')}]}`;
}

/**
 * Moves the finished build into place. If another process got there first with a complete cache
 * of the same recipe, returns that cache's fixture instead; a stale or broken folder is moved
 * aside and replaced.
 */
async function publish(
  buildFolder: string,
  versionFolder: string,
  recipeKey: string,
): Promise<SeedFixture | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await rename(buildFolder, versionFolder);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
      const theirs = await loadCachedFixture(versionFolder, recipeKey);
      if (theirs) return theirs;
      const aside = `${versionFolder}.stale-${process.pid}-${Date.now().toString(36)}`;
      await rename(versionFolder, aside).catch(() => undefined);
      await rm(aside, { recursive: true, force: true });
    }
  }
  throw new Error(`could not move the demo seed into ${versionFolder}`);
}

/** Deletes build folders left by processes that died mid-build (their pid is gone). */
async function removeAbandonedBuilds(cacheDir: string, version: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = entry.startsWith(`${version}.`) ? /^\.(build|stale)-(\d+)-/.exec(entry.slice(version.length)) : null;
    if (!match) continue;
    if (match[1] === 'build' && isAlive(Number(match[2]))) continue;
    await rm(join(cacheDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
