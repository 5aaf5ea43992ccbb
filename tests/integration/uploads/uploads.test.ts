import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/api';
import type { UploadBatchView, UploadItemView, UploadQueueView } from '../../../shared/ipc';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { fastClient } from '../main/support/coreHarness';
import { openCore, writeBadFiles, writeImage } from './uploadsHarness';
import type { UploadCore } from './uploadsHarness';

/**
 * Uploads through the real core and router into pictograph-local: 50 files with one of each bad
 * kind, duplicates skipped or renamed, a file that changes mid-upload, and the catalog learning
 * about the new images.
 */
let server: TestServer;
let root: string;
let main: UploadCore;
let street: Dataset;
/** PUT bodies of this size trigger `onPut` once the bytes are up (the "changing file"). */
const watchPuts = new Map<number, () => Promise<void>>();

beforeAll(async () => {
  server = await startTestServer();
  root = await mkdtemp(join(tmpdir(), 'uploads-'));
  main = await openCore(join(root, 'userData'), `pictograph-test-${randomUUID()}`, {
    client: {
      ...fastClient,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const body = init?.body;
        if (init?.method === 'PUT' && body instanceof Uint8Array) await watchPuts.get(body.byteLength)?.();
        return response;
      },
    },
    uploads: { concurrency: 4, retryDelayMs: () => 10 },
  });
  await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
  street = (await main.ok('datasets:list', {})).find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await main?.core.dispose();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function finished(batchId: string): Promise<UploadQueueView> {
  for (let i = 0; i < 2000; i++) {
    const view = await main.ok('uploads:list', { batchId });
    const b = view.batches[0]!;
    if (b.counts.queued + b.counts.uploading === 0) return view;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error('the batch did not finish');
}

const byName = (items: UploadItemView[], filename: string): UploadItemView =>
  items.find((i) => i.path.endsWith(`/${filename}`))!;

async function serverFilenames(directoryPath: string): Promise<string[]> {
  const res = await fetch(
    `${server.url}/api/v1/developer/images/?dataset_id=${street.id}&directory_path=${encodeURIComponent(directoryPath)}&limit=1000`,
    { headers: { 'X-API-Key': server.keys.owner } },
  );
  return ((await res.json()) as { filename: string }[]).map((i) => i.filename).sort();
}

describe('uploads', () => {
  it('50 files: every bad one gets its precise message, the rest arrive in their folders', async () => {
    const drop = join(root, 'photos');
    // 44 good images in two sub-folders (the folder structure becomes directory_path)
    for (let i = 0; i < 44; i++) await writeImage(join(drop, i % 2 ? 'day' : 'night', `img_${i}.jpg`), i);
    await writeBadFiles(drop);
    // a name already taken in the target folder, uploaded once before
    const dupSeed = join(root, 'seed', 'taken.jpg');
    await writeImage(dupSeed, 99);
    const first = await main.ok('uploads:add', { datasetId: street.id, paths: [dupSeed], directory: '/inbox/photos' });
    await finished(first.id);
    await writeImage(join(drop, 'taken.jpg'), 100);
    // a file that changes while its bytes are on their way
    const changing = join(drop, 'changing.png');
    const changingSize = await writeImage(changing, 7, 'png');
    watchPuts.set(changingSize, () => appendFile(changing, 'x'));

    const batch: UploadBatchView = await main.ok('uploads:add', {
      datasetId: street.id,
      paths: [drop],
      directory: '/inbox',
      duplicates: 'skip',
    });
    expect(batch.total).toBe(50);
    const { batches, items } = await finished(batch.id);
    watchPuts.clear();

    expect(byName(items, 'corrupt.jpg')).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/^corrupt\.jpg is damaged and cannot be read as JPEG \(.*premature end/),
    });
    expect(byName(items, 'notes.jpg')).toMatchObject({
      state: 'failed',
      message: 'notes.jpg: its contents are not an image, whatever its extension says.',
    });
    expect(byName(items, 'huge.jpg')).toMatchObject({
      state: 'failed',
      message: 'huge.jpg is 50.0 MiB; images may be at most 50 MiB.',
    });
    expect(byName(items, 'readme.txt')).toMatchObject({
      state: 'failed',
      message: 'readme.txt: not an image type Pictograph accepts (JPEG, PNG, WebP, BMP, TIFF or GIF).',
    });
    expect(byName(items, 'taken.jpg')).toMatchObject({
      state: 'skipped',
      message: 'taken.jpg already exists in /inbox/photos; skipped.',
    });
    expect(byName(items, 'changing.png')).toMatchObject({
      state: 'failed',
      message: 'changing.png changed during the upload; it was not registered. Add it again.',
    });
    expect(batches[0]!.counts).toEqual({ queued: 0, uploading: 0, done: 44, skipped: 1, failed: 5, cancelled: 0 });
    expect(await serverFilenames('/inbox/photos/day')).toEqual(
      Array.from({ length: 22 }, (_, k) => `img_${2 * k + 1}.jpg`).sort(),
    );
    expect(await serverFilenames('/inbox/photos/night')).toHaveLength(22);
    expect(await serverFilenames('/inbox/photos')).toEqual(['taken.jpg']); // nothing else registered there
    const day = items.filter((i) => i.directoryPath === '/inbox/photos/day');
    expect(day.every((i) => i.state === 'done' && i.imageId !== null && i.bytesSent === i.size)).toBe(true);
  });

  it('the catalog learns about the uploaded images without a manual refresh', async () => {
    for (let i = 0; i < 100; i++) {
      const page = await main.ok('catalog:query', {
        datasetId: street.id,
        query: { directory: '/inbox/photos/day' },
        offset: 0,
        limit: 100,
      });
      if (page.total === 22 && page.index.state === 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error('the catalog never listed the uploaded images');
  });

  it('"rename" uploads a duplicate under the next free name', async () => {
    const dup = join(root, 'again', 'taken.jpg');
    await writeImage(dup, 101);
    const batch = await main.ok('uploads:add', {
      datasetId: street.id,
      paths: [dup],
      directory: '/inbox/photos',
      duplicates: 'rename',
    });
    const { items } = await finished(batch.id);
    expect(items[0]).toMatchObject({ state: 'done', filename: 'taken (2).jpg' });
    expect(await serverFilenames('/inbox/photos')).toEqual(['taken (2).jpg', 'taken.jpg']);
  });

  it('progress events carry the item and its batch totals', () => {
    const progress = main.events.filter((e) => e.name === 'event:upload');
    expect(progress.length).toBeGreaterThan(50);
    const last = progress.at(-1)!.payload as { batch: UploadBatchView; item: UploadItemView };
    expect(last.batch.bytesTotal).toBeGreaterThan(0);
    expect(last.item.batchId).toBe(last.batch.id);
  });

  it('cancel stops what is left of a batch; clear forgets finished batches', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      paths.push(join(root, 'later', `c_${i}.jpg`));
      await writeImage(paths[i]!, 300 + i);
    }
    const batch = await main.ok('uploads:add', { datasetId: street.id, paths, directory: '/later' });
    const { cancelled } = await main.ok('uploads:cancel', { batchId: batch.id });
    const view = await finished(batch.id);
    const counts = view.batches[0]!.counts;
    expect(cancelled).toBeGreaterThan(0);
    expect(counts.cancelled).toBe(cancelled);
    expect(counts.done + counts.cancelled).toBe(12);
    const cancelledNames = view.items.filter((i) => i.state === 'cancelled').map((i) => i.filename);
    const arrived = await serverFilenames('/later');
    expect(arrived.filter((name) => cancelledNames.includes(name))).toEqual([]);
    expect((await main.ok('uploads:clear', {})).removed).toBeGreaterThan(0);
    expect((await main.ok('uploads:list', {})).batches).toEqual([]);
  });

  it('refuses relative paths and missing files with a clear error', async () => {
    expect(await main.call('uploads:add', { datasetId: street.id, paths: ['photos/a.jpg'] })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: '"photos/a.jpg" is not an absolute file path.' },
    });
    expect(await main.call('uploads:add', { datasetId: street.id, paths: [join(root, 'nope.jpg')] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
