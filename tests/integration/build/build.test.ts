import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPaths } from '../../../electron/main/paths';
import { DEMO_RECIPE, type SeedRecipe } from '../../../server/seed/recipe';
import { buildSeedInWorker, SEED_WORKER_BUNDLE, seedWorkerUrl } from '../../../server/seed/thread';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { main: string };
const builderConfig = require('../../../electron-builder.config.cjs') as { files: string[] };
type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (s: string) => string,
    patterns: string[],
  ) => {
    createFilter(): Filter;
  };
};

// The real scripts/build.mjs (Vite + esbuild) into a folder inside the tree: the bundles keep the
// native modules external, so the bundled worker must find node_modules above it, as it does when
// installed.
let out: string;
let mainFile: string;
beforeAll(async () => {
  out = join(repo, '.cache', `build-test-${randomUUID()}`);
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: repo });
  mainFile = join(out, pkg.main);
}, 180_000);
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the build', () => {
  it("puts package.json's main where the build writes it", () => {
    expect(pkg.main).toMatch(/\.mjs$/); // the ESM bundle; `electron .` and an installed app start here
    expect(existsSync(mainFile), mainFile).toBe(true);
  });

  it('has the preload and the renderer where main looks for them, with every asset index.html names', async () => {
    const { preloadPath, rendererDir } = builtPaths(dirname(mainFile));
    expect(existsSync(preloadPath), preloadPath).toBe(true);
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(referenced.length).toBeGreaterThanOrEqual(2); // the script and the stylesheet
    for (const reference of referenced) {
      expect(reference, 'no remote or absolute asset').toMatch(/^\.\//);
      expect(existsSync(join(rendererDir, reference)), reference).toBe(true);
    }
  });

  it('has the seed worker beside main, and the bundled worker draws a seed on its own thread', async () => {
    const workerUrl = seedWorkerUrl(pathToFileURL(mainFile).href);
    expect(fileURLToPath(workerUrl)).toBe(join(dirname(mainFile), SEED_WORKER_BUNDLE));
    expect(existsSync(workerUrl)).toBe(true);
    const small: SeedRecipe = {
      ...DEMO_RECIPE,
      version: 'bundle-test-v1',
      street: { count: 2, width: 320, height: 180, jpegQuality: 70 },
      aerial: { count: 1, size: 256, minPolygons: 20, maxPolygons: 40, jpegQuality: 70 },
      poses: { count: 1, width: 320, height: 180 },
    };
    const cacheDir = await mkdtemp(join(tmpdir(), 'bundled-seed-'));
    try {
      const lines: string[] = [];
      const { fixture, threadId } = await buildSeedInWorker(small, cacheDir, {
        workerUrl,
        log: (line) => lines.push(line),
      });
      expect(threadId).not.toBe(mainThreadId);
      expect(lines.some((line) => line.includes('painting 4 images'))).toBe(true);
      for (const image of fixture.datasets.flatMap((dataset) => dataset.images)) {
        expect(existsSync(image.file), image.file).toBe(true);
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('loads at run time only Node built-ins, electron and production dependencies (the rest is bundled)', async () => {
    const production = new Set(
      Object.keys(
        (JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { dependencies: object }).dependencies,
      ),
    );
    const bundles = (await filesUnder(join(out, 'dist-electron'))).filter((file) => /\.(mjs|cjs|js)$/.test(file));
    expect(bundles.length).toBeGreaterThanOrEqual(3); // main, preload, seed worker
    const loaded = new Set<string>();
    for (const file of bundles) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
        const specifier = match[1]!;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        loaded.add(name);
      }
    }
    const unpackaged = [...loaded].filter(
      (name) =>
        !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron' && !production.has(name),
    );
    expect(unpackaged, 'a bare import the package would not contain').toEqual([]);
    expect([...loaded].filter((name) => production.has(name)).sort()).toEqual(
      expect.arrayContaining(['@napi-rs/keyring', 'sharp']),
    );
  });

  it("ships every built file through electron-builder's own `files` filter (source maps left out)", async () => {
    const included = new FileMatcher(out, out, (s) => s, builderConfig.files).createFilter();
    const isIncluded = (file: string): boolean => {
      // electron-builder walks folders first: a file ships only if every folder above it passes too.
      const parts = relative(out, file).split(sep);
      const folders = parts.slice(0, -1).map((_, i) => join(out, ...parts.slice(0, i + 1)));
      return (
        folders.every((folder) => included(folder, { isDirectory: () => true })) &&
        included(file, { isDirectory: () => false })
      );
    };
    const built = [...(await filesUnder(join(out, 'dist'))), ...(await filesUnder(join(out, 'dist-electron')))];
    const shipped = built.filter((file) => !file.endsWith('.map'));
    expect(shipped.map((file) => relative(out, file).split(sep).join('/'))).toEqual(
      expect.arrayContaining([pkg.main, `dist-electron/main/${SEED_WORKER_BUNDLE}`, 'dist/renderer/index.html']),
    );
    for (const file of shipped) expect(isIncluded(file), relative(out, file)).toBe(true);
    for (const map of built.filter((file) => file.endsWith('.map'))) expect(isIncluded(map), map).toBe(false);
  });
});
