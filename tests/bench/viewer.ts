import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { startServer } from '../../server/index';
import type { RunningServer } from '../../server/index';
import { launchApp } from '../e2e/harness';
import type { LaunchedApp } from '../e2e/harness';
import { DatasetsPage } from '../e2e/pages/DatasetsPage';
import { uploadTiles } from './tileUpload';
import type { BenchResult } from './types';
import { FRAMES, TILES, TILE_CLASSES, buildViewerFixture, tilePolygons } from './viewerFixture';
import { CRISP_VS_RAW, GESTURE_FRAMES, OPEN_AND_TIME, PRESS_AND_TIME } from './viewerScripts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const stats = (values: number[]) => ({ median: percentile(values, 50), p95: percentile(values, 95) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inPage = <T>(page: Page, source: string, arg: unknown): Promise<T> =>
  page.evaluate(`(${source})(${JSON.stringify(arg)})`) as Promise<T>;

/**
 * Resolves once every tile in view shows its thumbnail (loaded or failed): a tile's <img> appears
 * only after its media URL arrives, so "no image still loading" alone can pass before any exists.
 */
const SETTLED_GRID = `(async () => {
  const end = performance.now() + 30000;
  const settled = () => {
    const tiles = [...document.querySelectorAll('[data-testid="dataset.screen"] [data-testid="dataset.image"]')];
    return tiles.length > 0 && tiles.every((t) => { const img = t.querySelector('img'); return img && img.complete; });
  };
  while (performance.now() < end && !settled()) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
})()`;

/**
 * Tiles in filename order. The three 10,000-polygon tiles sit four apart, so opening one from the
 * browser prefetches none of the others: each open is cold.
 */
const TILE_PLAN = [10_000, 1_000, 5_000, 200, 10_000, 200, 200, 200, 10_000, 200];

interface Uploaded {
  id: string;
  shapes: number;
}

async function uploadViewerTiles(server: RunningServer): Promise<Uploaded[]> {
  async function* tiles() {
    for (const [index, shapes] of TILE_PLAN.entries()) {
      const bytes = await sharp({
        create: {
          width: 4096,
          height: 4096,
          channels: 3,
          background: { r: 70, g: 100 + index * 8, b: 80 },
          noise: { type: 'gaussian', mean: 100, sigma: 35 },
        },
      })
        .jpeg({ quality: 80 })
        .toBuffer();
      yield {
        filename: `tile-${String(index).padStart(2, '0')}.jpg`,
        bytes,
        annotations: tilePolygons(shapes, index + 1),
      };
    }
  }
  const ids = await uploadTiles(server, TILES, tiles());
  return ids.map((id, i) => ({ id, shapes: TILE_PLAN[i]! }));
}

async function openDataset(app: LaunchedApp, name: string): Promise<DatasetsPage> {
  const datasets = new DatasetsPage(app.page);
  if (await datasets.datasetView.isVisible()) {
    await app.page.keyboard.press('Escape');
  }
  await datasets.waitForCards(120_000);
  await datasets.open(name);
  await datasets.images.first().waitFor({ timeout: 120_000 });
  return datasets;
}

async function backToDataset(app: LaunchedApp): Promise<void> {
  await app.page.keyboard.press('Escape');
  await app.page.getByTestId('dataset.screen').waitFor();
}

async function heapUsed(app: LaunchedApp): Promise<number> {
  const cdp = await app.context.newCDPSession(app.page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * The viewer in headless Chromium through the harness, against a pictograph-local the suite
 * starts: next image from the prefetch cache, a cold open of a 10,000-polygon tile, gesture
 * frames, the crisp redraw against raw Canvas 2D, and the heap while paging 1,000 images.
 */
export async function benchViewer(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'pictograph-bench-viewer-'));
  const server = await startServer({
    port: 0,
    dataDir: join(root, 'data'),
    seed: await buildViewerFixture(join(root, 'fixture')),
    rateLimit: 100_000,
    log: () => undefined,
  });
  let app: LaunchedApp | null = null;
  const results: BenchResult[] = [];
  try {
    const tiles = await uploadViewerTiles(server);
    app = await launchApp({
      serverUrl: server.url,
      apiKey: server.keys.member,
      viewport: { width: 1280, height: 800 },
    });
    const { page } = app;

    // ── a cold open of each 10,000-polygon tile from the browser ──
    await openDataset(app, TILES);
    const opens: number[] = [];
    for (const tile of tiles.filter((t) => t.shapes === 10_000)) {
      // A reviewer clicks once the grid has settled: its thumbnails (4096² sources) come first.
      await page.evaluate(SETTLED_GRID);
      opens.push(await inPage<number>(page, OPEN_AND_TIME, { imageId: tile.id, count: tile.shapes }));
      await backToDataset(app);
    }
    // How much of an open is the annotation list crossing from main (11.6 MB of JSON), warm in main's catalog.
    const transfer = await page.evaluate(
      `(async (id) => { const t = performance.now(); await window.api.annotations.get({ imageId: id }); return performance.now() - t; })(${JSON.stringify(tiles[0]!.id)})`,
    );
    results.push({
      name: 'viewer: open 4096² tile, 10k polygons',
      unit: 'ms',
      ...stats(opens),
      // The median, as the project quotes latencies; p95 here is the slowest of the three opens.
      target: 'median ≤ 1000',
      pass: stats(opens).median <= 1000,
      note: `cold in main and renderer, click → all drawn; n=${opens.length} (${opens.map((o) => Math.round(o)).join(', ')} ms); annotations:get alone (warm) ${Math.round(transfer as number)} ms`,
    });

    // ── crisp redraw vs raw Canvas 2D at 1k, 5k, 10k ──
    const colors = Object.fromEntries(TILE_CLASSES.map((c) => [c.name, c.color]));
    for (const shapes of [1_000, 5_000, 10_000]) {
      const tile = tiles.find((t) => t.shapes === shapes)!;
      await inPage<number>(page, OPEN_AND_TIME, { imageId: tile.id, count: shapes });
      const { ours, raw } = await inPage<{ ours: number[]; raw: number[] }>(page, CRISP_VS_RAW, {
        imageId: tile.id,
        samples: 12,
        colors,
      });
      const ratio = stats(ours).median / stats(raw).median;
      results.push({
        name: `viewer: crisp redraw / raw 2D, ${shapes / 1000}k`,
        unit: '×',
        median: ratio,
        p95: stats(ours).p95 / stats(raw).p95,
        target: '≤ 1.3',
        pass: ratio <= 1.3,
        note: `ours ${stats(ours).median.toFixed(1)} ms, raw ${stats(raw).median.toFixed(1)} ms (medians; raw = a path per polygon)`,
      });
      if (shapes === 10_000) {
        // ── gesture frames on the 10k tile ──
        const { times, modes } = await inPage<{ times: number[]; modes: string[] }>(page, GESTURE_FRAMES, 60);
        const frames = stats(times);
        results.push({
          name: 'viewer: gesture frame, 10k shapes',
          unit: 'ms',
          ...frames,
          target: 'p95 ≤ 33',
          pass: frames.p95 <= 33,
          note: `wheel zoom then Shift+arrow pan, ${times.length} frames; modes ${modes.join('/')}`,
        });
      }
      await backToDataset(app);
    }

    // ── next image from the cache, 4096² tiles ──
    await inPage<number>(page, OPEN_AND_TIME, { imageId: tiles[0]!.id, count: tiles[0]!.shapes });
    const tileNext: number[] = [];
    for (let i = 1; i < tiles.length; i++) {
      await sleep(2500); // let the prefetch of the next tile finish (that is the point of it)
      tileNext.push((await inPage<{ ms: number }>(page, PRESS_AND_TIME, 'd')).ms);
    }
    results.push({
      name: 'viewer: next image 4096² (cached)',
      unit: 'ms',
      ...stats(tileNext),
      target: 'p95 ≤ 300',
      pass: stats(tileNext).p95 <= 300,
      note: `key → painted; tiles of 200–10k polygons; n=${tileNext.length}`,
    });
    await backToDataset(app);

    // ── next image from the cache, 1280×720 frames; then page through 1,000 for the heap ──
    const frames = await openDataset(app, FRAMES);
    await frames.images.first().click();
    await page.getByTestId('viewer.canvas').waitFor();
    await page.evaluate(
      `(async () => { for (;;) { const d = document.querySelector('[data-testid="viewer.canvas"]')?.dataset; if (d && d.drawMode === 'crisp' && d.drawnId) return; await new Promise((r) => setTimeout(r, 20)); } })()`,
    );
    const frameNext: number[] = [];
    for (let i = 0; i < 30; i++) {
      await sleep(400);
      frameNext.push((await inPage<{ ms: number }>(page, PRESS_AND_TIME, 'd')).ms);
    }
    const f = stats(frameNext);
    results.push({
      name: 'viewer: next image 1280×720 (cached)',
      unit: 'ms',
      ...f,
      target: 'median ≤ 50, p95 ≤ 100',
      pass: f.median <= 50 && f.p95 <= 100,
      note: `key → painted, 20 shapes; n=${frameNext.length}`,
    });

    // Images 31…40 seen: the "after 10" reading, then on to 1,000.
    for (let i = 0; i < 10; i++) await inPage(page, PRESS_AND_TIME, 'd');
    const heapAt10 = await heapUsed(app);
    for (let i = 0; i < 960; i++) await inPage(page, PRESS_AND_TIME, 'd');
    const heapAt1000 = await heapUsed(app);
    const heapRatio = heapAt1000 / heapAt10;
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    results.push({
      name: 'viewer: JS heap after 1,000 images / after 10',
      unit: '×',
      median: heapRatio,
      p95: heapRatio,
      target: '≤ 1.5',
      pass: heapRatio <= 1.5,
      note: `${mib(heapAt10)} → ${mib(heapAt1000)} MiB after GC`,
    });
  } finally {
    await app?.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
  return results;
}
