import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_MIGRATIONS } from '../../../electron/services/catalog/migrations';
import { PRELOAD_FROM_MAIN, RENDERER_FROM_MAIN } from '../../../electron/main/paths';
import { DEMO_RECIPE } from '../../../server/seed/recipe';
import { SEED_WORKER_BUNDLE } from '../../../server/seed/thread';
import { MIGRATIONS as SERVER_MIGRATIONS } from '../../../server/store/migrations';
import type { BuilderConfig, PackagePlan } from './packagedFiles';
import { bareImports, planPackage } from './packagedFiles';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const config = require('../../../electron-builder.config.cjs') as BuilderConfig;
const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

// A real build (scripts/build.mjs --out) laid over the real project tree: electron-builder's matcher
// then sees the sources, tests and docs exactly where they are, and the build where it will be.
let out: string;
let plan: PackagePlan;
let shipped: Set<string>;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'pictograph-packaging-'));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: repo });
  plan = planPackage(repo, config, { dist: join(out, 'dist'), 'dist-electron': join(out, 'dist-electron') });
  shipped = new Set([...plan.appFiles, ...plan.moduleFiles].map((file) => file.path));
}, 180_000);
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const bundle = (path: string): Promise<string> => readFile(join(out, path), 'utf8');

describe('what the installers package', () => {
  it('includes main, the seed worker beside it, the preload and the whole renderer build', async () => {
    const mainDir = posix.dirname(pkg.main);
    const preload = posix.normalize(posix.join(mainDir, PRELOAD_FROM_MAIN));
    const renderer = posix.normalize(posix.join(mainDir, RENDERER_FROM_MAIN));
    for (const path of [
      pkg.main,
      posix.join(mainDir, SEED_WORKER_BUNDLE),
      preload,
      `${renderer}/index.html`,
      'package.json',
    ]) {
      expect(shipped.has(path), path).toBe(true);
    }
    // Every asset index.html names ships too.
    const html = await bundle(`${renderer}/index.html`);
    const assets = [...html.matchAll(/\b(?:src|href)="\.\/([^"]+)"/g)].map((match) => `${renderer}/${match[1]}`);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(shipped.has(asset), asset).toBe(true);
  });

  it('carries the catalog and demo-server migrations and the demo-seed recipe inside the bundles', async () => {
    const main = await bundle(pkg.main);
    const worker = await bundle(posix.join(posix.dirname(pkg.main), SEED_WORKER_BUNDLE));
    // Migrations are TypeScript modules bundled into main: their SQL must be in the shipped file.
    for (const migration of [...CATALOG_MIGRATIONS, ...SERVER_MIGRATIONS]) {
      const firstStatement = migration.sql.trim().split('\n')[0]!.trim();
      expect(firstStatement.length, migration.name).toBeGreaterThan(10);
      expect(main.includes(firstStatement), `${migration.name}: ${firstStatement}`).toBe(true);
    }
    // The recipe is drawn on the worker and keyed by version in main's seed cache.
    expect(main).toContain(JSON.stringify(DEMO_RECIPE.version));
    expect(main + worker).toContain(JSON.stringify(DEMO_RECIPE.seed));
  });

  it('packages every module the bundles import at run time, with native binaries outside the asar', async () => {
    const imports = new Set<string>();
    for (const path of [pkg.main, posix.join(posix.dirname(pkg.main), SEED_WORKER_BUNDLE)]) {
      for (const name of bareImports(await bundle(path))) imports.add(name);
    }
    imports.delete('electron'); // provided by the runtime itself
    expect([...imports].sort()).toEqual(['@napi-rs/canvas', '@napi-rs/keyring', 'sharp']);
    for (const name of imports) expect(plan.modules, name).toContain(`node_modules/${name}`);
    const natives = plan.moduleFiles.filter((file) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file.path));
    // This machine's prebuilds: keyring, canvas (skia), sharp and libvips.
    expect(natives.length).toBeGreaterThanOrEqual(4);
    for (const file of natives) expect(file.unpacked, file.path).toBe(true);
    // The JavaScript of the native packages is unpacked with them: their loaders find the binaries by relative path.
    for (const name of imports) {
      expect(plan.moduleFiles.find((file) => file.path === `node_modules/${name}/package.json`)?.unpacked, name).toBe(
        true,
      );
    }
  });

  it('packages nothing of the sources, tests, docs, scripts, assets or source maps', () => {
    const allowed = /^(dist\/renderer\/|dist-electron\/(main|preload)\/)[^]*$|^package\.json$/;
    expect(plan.appFiles.length).toBeGreaterThanOrEqual(6);
    for (const { path } of plan.appFiles) {
      expect(path, 'only the build and package.json').toMatch(allowed);
      expect(path).not.toMatch(/\.(map|ts|tsx)$/);
    }
    for (const folder of [
      'electron',
      'renderer',
      'shared',
      'server',
      'tests',
      'scripts',
      'docs',
      'assets',
      'security',
    ]) {
      expect(
        plan.appFiles.filter((file) => file.path.startsWith(`${folder}/`)),
        folder,
      ).toEqual([]);
    }
  });

  it('packages only production dependencies (no build or test tooling)', () => {
    for (const tool of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'playwright-core', 'react']) {
      expect(plan.modules, tool).not.toContain(`node_modules/${tool}`);
    }
    for (const name of Object.keys(pkg.dependencies)) expect(plan.modules).toContain(`node_modules/${name}`);
  });
});
