import { DEMO_SEED_CACHE } from '../../support/seedCache';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed } from '../../../server/seed/build';
import { DEMO_RECIPE, type SeedRecipe } from '../../../server/seed/recipe';
import { buildSeedInWorker } from '../../../server/seed/thread';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';
import { filesContaining } from './support/leaks';

// Building the demo seed draws its scenes once (slow); later runs reuse this shared cache.
const SEED_CACHE = DEMO_SEED_CACHE;

let h: CoreHarness;
beforeAll(async () => {
  h = await startCore({ demoSeedCacheDir: SEED_CACHE });
});
afterAll(async () => {
  await h?.dispose();
});

describe('the embedded demo workspace', () => {
  it(
    'starts pictograph-local in-process once, connects to it, and stops with dispose',
    { timeout: 300_000 },
    async () => {
      // How long this thread's event loop (Electron's main, in the app) is held up while the demo
      // starts; reported, not asserted: on a shared 2-core machine scheduling noise dominates it.
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const [a, b, c] = await Promise.all([
        h.call('connection:openDemo', {}),
        h.call('connection:openDemo', {}),
        h.call('connection:openDemo', {}),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the last stall register
      delay.disable();
      console.log(`demo start: main event loop delay max ${(delay.max / 1e6).toFixed(0)} ms`);
      for (const result of [a, b, c])
        expect(result, JSON.stringify(result)).toMatchObject({
          ok: true,
          value: { state: 'connected', profile: { id: 'demo', kind: 'demo' } },
        });
      // The seed (drawn, or checked and loaded from the shared cache) was prepared on a worker thread.
      const seededOn = h.logs.map((line) => /prepared on worker thread (\d+)/.exec(line)).find(Boolean);
      expect(seededOn, h.logs.join('\n')).toBeDefined();
      expect(Number(seededOn![1])).not.toBe(mainThreadId);

      const urls = new Set([a, b, c].map((r) => (r.ok ? r.value.profile?.baseUrl : null)));
      expect(urls.size).toBe(1); // one server for all three calls
      const url = [...urls][0]!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const datasets = await h.ok('datasets:list', {});
      expect(datasets.length).toBeGreaterThan(0);
      const page = await h.ok('images:page', { datasetId: datasets[0]!.id, limit: 3, offset: 0 });
      expect(page.items.length).toBeGreaterThan(0);
      expect((await h.media(page.items[0]!.id, 'thumbnail')).status).toBe(200);

      // Resume of the demo profile goes through the same running server.
      expect(await h.ok('connection:resume', { profileId: 'demo' })).toMatchObject({
        state: 'connected',
        profile: { baseUrl: url },
      });
      // Signing out of the demo keeps its key (the app's own), so it opens again without asking.
      expect(await h.ok('connection:disconnect', {})).toMatchObject({
        state: 'signed-out',
        profile: { id: 'demo', hasKey: true },
      });
      expect(await h.ok('connection:openDemo', {})).toMatchObject({ state: 'connected', profile: { baseUrl: url } });

      // The demo's data lives under userData/demo; no full key in any of it (the server keeps hashes).
      const scan = await filesContaining(join(h.userDataDir, 'demo'), 'no-such-secret');
      expect(scan.scanned).toBeGreaterThan(0);
      expect(scan.files).toEqual([]);

      await h.core.dispose();
      await expect(fetch(`${url}/api/v1/developer/datasets/`)).rejects.toThrow();
      expect(await h.call('connection:openDemo', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    },
  );
});

/** The real seed code on a scaled-down recipe, so the worker draws from scratch in seconds. */
const SMALL: SeedRecipe = {
  ...DEMO_RECIPE,
  version: 'worker-test-v1',
  street: { count: 12, width: 640, height: 360, jpegQuality: 70 },
  aerial: { count: 2, size: 1024, minPolygons: 400, maxPolygons: 800, jpegQuality: 70 },
  poses: { count: 3, width: 480, height: 270 },
};

describe('the demo seed worker', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'seed-worker-test-'));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('draws a seed on another thread, writes the cache, and hands main the same fixture', async () => {
    const cacheDir = join(root, 'cold');
    const lines: string[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const { fixture, threadId } = await buildSeedInWorker(SMALL, cacheDir, { log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    console.log(`cold seed build in a worker: main event loop delay max ${(delay.max / 1e6).toFixed(0)} ms`);

    expect(threadId).not.toBe(mainThreadId);
    expect(lines.some((line) => line.includes('painting'))).toBe(true); // drawn, not loaded
    const images = fixture.datasets.flatMap((dataset) => dataset.images);
    expect(images).toHaveLength(SMALL.street.count + SMALL.aerial.count + SMALL.poses.count);
    for (const image of images) expect((await stat(image.file)).size).toBeGreaterThan(0);
    // What main got through the worker is exactly what the cache holds.
    expect(await buildSeed(SMALL, cacheDir)).toEqual(fixture);
  });

  it('reports an exception in the worker as a clear error', { timeout: 15_000 }, async () => {
    const notADirectory = join(root, 'file');
    await writeFile(notADirectory, 'x');
    await expect(buildSeedInWorker(SMALL, join(notADirectory, 'cache'))).rejects.toThrow(
      /^The demo seed worker failed: ENOTDIR/,
    );
  });

  // Two ways a worker dies without answering, as one-line workers (data: URLs) standing in for a
  // bug or a native crash in the real one: an uncaught exception, and an exit. A short deadline of
  // their own: the failure these guard against is a promise that never settles.
  it('reports a crashed worker (an uncaught exception) instead of hanging', { timeout: 15_000 }, async () => {
    const crashes = new URL(
      `data:text/javascript,${encodeURIComponent("setTimeout(() => { throw new Error('boom'); })")}`,
    );
    await expect(buildSeedInWorker(SMALL, join(root, 'crash'), { workerUrl: crashes })).rejects.toThrow(
      'The demo seed worker crashed: boom',
    );
  });

  it('reports a worker that exits before answering', { timeout: 15_000 }, async () => {
    const exits = new URL('data:text/javascript,process.exit(3)');
    await expect(buildSeedInWorker(SMALL, join(root, 'exit'), { workerUrl: exits })).rejects.toThrow(
      'The demo seed worker stopped (exit code 3) before the seed was ready',
    );
  });
});
