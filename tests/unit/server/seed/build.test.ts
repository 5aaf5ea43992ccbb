import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedFixture } from '../../../../server/seed/types';
import type { SeedRecipe } from '../../../../server/seed/recipe';
import { DEMO_RECIPE } from '../../../../server/seed/recipe';
import { buildSeed } from '../../../../server/seed/build';
import { canonicalizeAnnotations } from '../../../../server/validation/annotations';

/** The real builder on a scaled-down recipe: same planning, painting, encoding and cache code. */
const SMALL: SeedRecipe = {
  ...DEMO_RECIPE,
  version: 'test-v1',
  street: { count: 8, width: 320, height: 180, jpegQuality: 70 },
  aerial: { count: 2, size: 512, minPolygons: 60, maxPolygons: 160, jpegQuality: 70 },
  poses: { count: 3, width: 480, height: 270 },
};
const TIMEOUT = 120_000;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'seed-build-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function build(cacheDir: string, recipe: SeedRecipe = SMALL): Promise<{ fixture: SeedFixture; log: string[] }> {
  const log: string[] = [];
  const fixture = await buildSeed(recipe, cacheDir, { log: (line) => log.push(line) });
  return { fixture, log };
}

const painted = (log: string[]) => log.some((line) => line.includes('painting'));
const images = (fixture: SeedFixture) => fixture.datasets.flatMap((d) => d.images);
const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
/** The fixture with each file path made relative to its cache folder, so two caches compare. */
const portable = (fixture: SeedFixture, folder: string) =>
  JSON.stringify({
    ...fixture,
    datasets: fixture.datasets.map((d) => ({
      ...d,
      images: d.images.map((i) => ({ ...i, file: relative(folder, i.file) })),
    })),
  });

describe('buildSeed', () => {
  let cacheDir: string;
  let first: SeedFixture;

  beforeAll(async () => {
    cacheDir = join(root, 'main');
    const { fixture, log } = await build(cacheDir);
    expect(painted(log)).toBe(true);
    first = fixture;
  }, TIMEOUT);

  it('paints every image with the declared size and type, and every annotation is valid', async () => {
    expect(first.org).toEqual(DEMO_RECIPE.org);
    expect(first.datasets.map((d) => d.images.length)).toEqual([8, 2, 3, 0]);
    for (const dataset of first.datasets) {
      for (const image of dataset.images) {
        expect(image.file.startsWith(join(cacheDir, SMALL.version))).toBe(true);
        const meta = await sharp(image.file).metadata();
        expect([meta.width, meta.height]).toEqual([image.width, image.height]);
        expect(`image/${meta.format}`).toBe(image.mime_type);
        // Valid for pictograph-local, and already in its canonical form (nothing to rewrite on load).
        const canonical = canonicalizeAnnotations(image.annotations, {
          classes: dataset.classes,
          annotationTypes: dataset.annotation_types,
        });
        expect(canonical.ok ? [] : canonical.problems.slice(0, 5)).toEqual([]);
        if (canonical.ok) expect(canonical.list.json).toBe(JSON.stringify(image.annotations));
      }
    }
    // Pixels vary: a scene, not a blank or single-colour frame.
    const stats = await sharp(images(first)[0]!.file).stats();
    expect(stats.channels.every((channel) => channel.stdev > 10)).toBe(true);
  });

  it(
    'reuses the cache: same fixture, nothing repainted',
    async () => {
      const before = await Promise.all(images(first).map(async (image) => (await stat(image.file)).mtimeMs));
      const { fixture, log } = await build(cacheDir);
      expect(painted(log)).toBe(false);
      expect(log.some((line) => line.includes('using cache'))).toBe(true);
      expect(fixture).toEqual(first);
      const after = await Promise.all(images(fixture).map(async (image) => (await stat(image.file)).mtimeMs));
      expect(after).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    'is deterministic: a fresh cache elsewhere has the same fixture and the same image bytes',
    async () => {
      const otherDir = join(root, 'other');
      const { fixture } = await build(otherDir);
      expect(portable(fixture, join(otherDir, SMALL.version))).toBe(portable(first, join(cacheDir, SMALL.version)));
      const ours = await Promise.all(images(first).map((image) => sha(image.file)));
      const theirs = await Promise.all(images(fixture).map((image) => sha(image.file)));
      expect(theirs).toEqual(ours);
    },
    TIMEOUT,
  );

  it.each([
    ['the manifest is missing', (folder: string) => rm(join(folder, 'manifest.json'))],
    [
      'an image was truncated',
      async (folder: string) => truncate(join(folder, 'poses-and-lanes', 'crossing_0001.png'), 10),
    ],
    ['the fixture was edited', (folder: string) => writeFile(join(folder, 'fixture.json'), '{"datasets":[]}')],
    ['the manifest is garbage', (folder: string) => writeFile(join(folder, 'manifest.json'), '{not json')],
  ])(
    'rebuilds a half-written cache when %s',
    async (_label, damage) => {
      const dir = join(root, `damaged-${_label.replace(/\W+/g, '-')}`);
      const { fixture } = await build(dir);
      await damage(join(dir, SMALL.version));
      const again = await build(dir);
      expect(painted(again.log)).toBe(true);
      expect(again.fixture).toEqual(fixture);
      expect(painted((await build(dir)).log)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'rebuilds when the recipe changes under the same version',
    async () => {
      const dir = join(root, 'recipe-change');
      await build(dir);
      const changed = await build(dir, { ...SMALL, street: { ...SMALL.street, jpegQuality: 60 } });
      expect(painted(changed.log)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'survives concurrent builders and clears builds abandoned by dead processes',
    async () => {
      const dir = join(root, 'concurrent');
      const abandoned = join(dir, `${SMALL.version}.build-2147483646-dead`);
      await mkdir(abandoned, { recursive: true });
      await writeFile(join(abandoned, 'half.jpg'), 'x');
      const [a, b] = await Promise.all([build(dir), build(dir)]);
      expect(a.fixture).toEqual(b.fixture);
      expect((await readdir(dir)).sort()).toEqual([SMALL.version]);
      for (const image of images(a.fixture)) expect((await stat(image.file)).size).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
