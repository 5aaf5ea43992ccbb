import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import sharp from 'sharp';
import type { ExportRecord } from '../../shared/api';
import type { ExportDownloadState } from '../../shared/ipc';
import { openCore } from '../integration/uploads/uploadsHarness';
import type { UploadCore } from '../integration/uploads/uploadsHarness';
import type { BenchResult } from './types';

/**
 * Issue 11's numbers against pictograph-local in its own process:
 *  - 200 images of about 1 MB uploaded through the real upload queue (4 workers): images per
 *    second, and API requests per image as the server would count them (the signed PUT is not);
 *  - a ~500 MB export (the uploads plus larger images, include_images) downloaded through the
 *    real export service: throughput, and the main process's peak memory above its level before
 *    (sampled every 10 ms) — it must stream, so this stays far below the file size.
 */
const UPLOADS = 200;
const LARGE = 70;
const MB = 1024 * 1024;

async function startServerChild(dir: string): Promise<{ url: string; keys: Record<string, string>; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'exportsServerChild.ts'), join(dir, 'data'), join(dir, 'fixture')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const info = JSON.parse(first) as { url: string; keys: Record<string, string> };
  return { ...info, stop: () => child.kill('SIGTERM') };
}

/** `count` JPEG files copied from `distinct` noise images of `side`² pixels (noise resists compression). */
async function writeNoiseImages(dir: string, prefix: string, count: number, distinct: number, side: number) {
  await mkdir(dir, { recursive: true });
  const sources: string[] = [];
  for (let i = 0; i < distinct; i++) {
    const bytes = await sharp({
      create: {
        width: side + i,
        height: side,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .jpeg({ quality: 92 })
      .toBuffer();
    const path = join(dir, `.${prefix}-source-${i}.jpg`);
    await writeFile(path, bytes);
    sources.push(path);
  }
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `${prefix}_${String(i).padStart(4, '0')}.jpg`);
    await copyFile(sources[i % distinct]!, path);
    paths.push(path);
  }
  return paths;
}

async function uploadAll(main: UploadCore, datasetId: string, paths: string[], directory: string): Promise<number> {
  const started = performance.now();
  const batch = await main.ok('uploads:add', { datasetId, paths, directory });
  for (;;) {
    const view = await main.ok('uploads:list', { batchId: batch.id });
    const counts = view.batches[0]!.counts;
    if (counts.queued + counts.uploading === 0) {
      if (counts.done !== paths.length) throw new Error(`only ${counts.done} of ${paths.length} uploads arrived`);
      return performance.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function benchExports(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'bench-exports-'));
  const server = await startServerChild(root);
  const counted: string[] = [];
  const main = await openCore(join(root, 'userData'), `pictograph-bench-${randomUUID()}`, {
    client: {
      // What the server's quota would count: requests under /api/v1/ (signed /storage/ URLs are free).
      fetch: (input, init) => {
        const url = new URL(String(input));
        if (url.origin === server.url && url.pathname.startsWith('/api/v1/')) counted.push(url.pathname);
        return fetch(input, init);
      },
    },
    exports: { poll: { initialMs: 100, maxMs: 500 } },
  });
  try {
    await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.owner! });
    const dataset = (await main.ok('datasets:list', {})).find((d) => d.name === 'Empty Set')!;

    const small = await writeNoiseImages(join(root, 'drop'), 'photo', UPLOADS, 20, 1100);
    const smallBytes = (await Promise.all(small.map((p) => stat(p)))).reduce((sum, s) => sum + s.size, 0);
    counted.length = 0;
    const uploadMs = await uploadAll(main, dataset.id, small, '/bench');
    const uploadCalls = counted.filter((p) => /\/images\/(upload-url|register)$/.test(p)).length;
    const perImage = uploadCalls / UPLOADS;
    const catalogCalls = counted.length - uploadCalls;

    // Bring the dataset to ~500 MB of image bytes for the export (not timed).
    const large = await writeNoiseImages(join(root, 'large'), 'tile', LARGE, 4, 2400);
    await uploadAll(main, dataset.id, large, '/bench-large');
    const created = await main.ok('exports:create', {
      request: {
        datasetName: dataset.slug,
        name: 'bench 500 MB',
        format: 'coco',
        includeImages: true,
        classFilter: null,
        statusFilter: null,
      },
    });
    const done = await waitFor(() =>
      main.events
        .filter((e) => e.name === 'event:export')
        .map((e) => e.payload as ExportRecord)
        .find((r) => r.id === created.id && (r.status === 'completed' || r.status === 'failed')),
    );
    if (done.status !== 'completed') throw new Error(`the bench export failed: ${done.error_message}`);

    const target = join(root, 'downloads');
    await mkdir(target);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 10);
    const downloadStart = performance.now();
    const started = await main.ok('exports:download', { exportId: created.id, folder: target });
    const end = await waitFor(() =>
      main.events
        .filter((e) => e.name === 'event:export-download')
        .map((e) => e.payload as ExportDownloadState)
        .find((s) => s.downloadId === started.downloadId && s.state !== 'running'),
    );
    const downloadMs = performance.now() - downloadStart;
    clearInterval(sampler);
    if (end.state !== 'completed') throw new Error(`the bench download ${end.state}: ${end.error?.message}`);
    const zipMb = done.file_size! / MB;
    const rssGrowth = (peakRss - before.rss) / MB;
    return [
      {
        name: `upload ${UPLOADS} images of ~${(smallBytes / UPLOADS / MB).toFixed(1)} MB`,
        unit: 'images/s',
        median: UPLOADS / (uploadMs / 1000),
        p95: UPLOADS / (uploadMs / 1000),
        note: `${(smallBytes / MB).toFixed(0)} MB in ${(uploadMs / 1000).toFixed(1)} s, 4 at a time, local checks and decode included`,
      },
      {
        name: 'counted API requests per uploaded image',
        unit: 'requests',
        median: perImage,
        p95: perImage,
        target: '2 (upload-url + register; the signed PUT is free)',
        pass: perImage <= 2,
        note: `plus ${catalogCalls} for the catalog re-indexing the dataset as uploads land (${(catalogCalls / UPLOADS).toFixed(2)} per image)`,
      },
      {
        name: `download a ${zipMb.toFixed(0)} MB export`,
        unit: 'MB/s',
        median: zipMb / (downloadMs / 1000),
        p95: zipMb / (downloadMs / 1000),
        note: `${(downloadMs / 1000).toFixed(1)} s, streamed to a temp file and renamed`,
      },
      {
        name: `main-process peak memory growth during that download`,
        unit: 'MB',
        median: rssGrowth,
        p95: rssGrowth,
        target: '< 100 MB (it streams; the file is ~500 MB)',
        pass: rssGrowth < 100,
        note: `RSS ${(before.rss / MB).toFixed(0)} → ${(peakRss / MB).toFixed(0)} MB; ArrayBuffers ${(before.arrayBuffers / MB).toFixed(0)} → ${(peakBuffers / MB).toFixed(0)} MB`,
      },
    ];
  } finally {
    await main.core.dispose();
    server.stop();
    await rm(root, { recursive: true, force: true });
  }
}
