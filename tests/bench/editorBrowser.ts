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
import { EDITOR_STEPS } from './editorScripts';
import { uploadTiles } from './tileUpload';
import type { BenchResult } from './types';
import { TILES, buildViewerFixture, tilePolygons } from './viewerFixture';
import { OPEN_AND_TIME } from './viewerScripts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const stats = (values: number[]) => ({ median: percentile(values, 50), p95: percentile(values, 95) });
const inPage = <T>(page: Page, source: string, arg: unknown): Promise<T> =>
  page.evaluate(`(${source})(${JSON.stringify(arg)})`) as Promise<T>;
const SIZES = [1_000, 5_000, 10_000];

async function uploadEditorTiles(server: RunningServer): Promise<{ id: string; shapes: number }[]> {
  const bytes = await sharp({
    create: { width: 4096, height: 4096, channels: 3, background: { r: 70, g: 110, b: 80 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  const ids = await uploadTiles(
    server,
    TILES,
    SIZES.map((shapes, index) => ({
      filename: `edit-${index}.jpg`,
      bytes,
      annotations: tilePolygons(shapes, index + 7),
    })),
  );
  return ids.map((id, i) => ({ id, shapes: SIZES[i]! }));
}

/**
 * The editor in headless Chromium through the harness (issue 9 item 8), on 4096² tiles with 1,000,
 * 5,000 and 10,000 polygons of 20 vertices: selecting a shape to highlighted, a vertex drag per
 * pointer move, and committing the edit back into the bulk layer against one crisp redraw.
 */
export async function benchEditorBrowser(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'pictograph-bench-editor-'));
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
    const tiles = await uploadEditorTiles(server);
    app = await launchApp({
      serverUrl: server.url,
      apiKey: server.keys.member,
      viewport: { width: 1280, height: 800 },
    });
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards(120_000);
    await datasets.open(TILES);
    await datasets.images.first().waitFor({ timeout: 120_000 });
    for (const tile of tiles) {
      await datasets.images.first().waitFor({ timeout: 60_000 });
      await app.page.locator(`[data-testid="dataset.image"][data-image-id="${tile.id}"]`).scrollIntoViewIfNeeded();
      await inPage<number>(app.page, OPEN_AND_TIME, { imageId: tile.id, count: tile.shapes });
      const run = await inPage<{
        select: number[];
        drag: number[];
        commit: number[];
        commitHandled: number[];
        crisp: number[];
        skipped: string[];
      }>(app.page, EDITOR_STEPS, { imageId: tile.id, moves: 8, rounds: 15 });
      const label = `${tile.shapes / 1000}k`;
      const select = stats(run.select);
      results.push({
        name: `editor (browser): select → highlighted, ${label}`,
        unit: 'ms',
        ...select,
        target: '≤ 15',
        pass: select.p95 <= 15,
        note: `click handling + live layer draw + raster; n=${run.select.length}`,
      });
      const drag = stats(run.drag);
      results.push({
        name: `editor (browser): vertex drag per move, ${label}`,
        unit: 'ms',
        ...drag,
        target: 'p95 ≤ 4',
        pass: drag.p95 <= 4,
        note: `${run.drag.length} moves over ${run.commit.length} drags; max ${Math.max(...run.drag).toFixed(1)} ms`,
      });
      const crisp = stats(run.crisp).median;
      const commit = stats(run.commit);
      results.push({
        name: `editor (browser): commit into bulk / crisp redraw, ${label}`,
        unit: '×',
        median: commit.median / crisp,
        p95: commit.p95 / crisp,
        target: '≤ 1.3',
        pass: commit.median / crisp <= 1.3,
        note: `commit ${commit.median.toFixed(1)} ms (patch + grid ${stats(run.commitHandled).median.toFixed(1)} ms), crisp redraw ${crisp.toFixed(1)} ms; medians, n=${run.commit.length}${run.skipped.length ? `; skipped: ${run.skipped.join(', ')}` : ''}`,
      });
      // Escape would first clear the selection (the select tool's): the header's back button goes back.
      await app.page.getByTestId('viewer.back').click();
    }
  } finally {
    await app?.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
  return results;
}
