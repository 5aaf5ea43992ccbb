import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { GateProxy } from './pages/gateProxy';
import { datasetIdOf, seedImage, serverImageNames } from './pages/serverImages';
import { ShellPage } from './pages/ShellPage';
import { UploadsPage } from './pages/UploadsPage';

const GOOD = 45;
const goodName = (i: number) => `photo-${String(i).padStart(2, '0')}.${i % 3 === 0 ? 'png' : 'jpg'}`;

function image(i: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const base = sharp({
    create: { width: 48, height: 36, channels: 3, background: { r: i * 5, g: 90, b: 250 - i * 5 } },
  });
  return (format === 'png' ? base.png() : base.jpeg()).toBuffer();
}

/**
 * Issue 11 item 5: fifty images dropped on a dataset through the UI, five of them bad in different
 * ways — a corrupt JPEG, text renamed to .jpg, a name the dataset already has, a file over 50 MiB
 * (sparse: no disk spent), and one edited while its upload is under way. The app talks to
 * pictograph-local through a gate that holds the edited file's upload-url request, so the edit
 * lands deterministically between the app's read of the file and its registration.
 */
describe('uploading fifty images, five of them bad', () => {
  let server: TestServer;
  let gate: GateProxy;
  let dir: string;
  let app: LaunchedApp;
  let uploads: UploadsPage;
  let datasets: DatasetsPage;
  let datasetId: string;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    gate = await GateProxy.start(server.url);
    dir = await mkdtemp(join(tmpdir(), 'pictograph-uploads-bulk-'));
    for (let i = 1; i <= GOOD; i++) {
      paths[goodName(i)] = join(dir, goodName(i));
      await writeFile(paths[goodName(i)]!, await image(i, i % 3 === 0 ? 'png' : 'jpeg'));
    }
    const bad: Record<string, Buffer> = {
      'corrupt.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]),
      'notimage.jpg': Buffer.from('a shopping list, renamed to look like a photo\n'),
      'dup.jpg': await image(60, 'jpeg'),
      'changing.jpg': await image(70, 'jpeg'),
    };
    for (const [name, bytes] of Object.entries(bad)) {
      paths[name] = join(dir, name);
      await writeFile(paths[name], bytes);
    }
    // 51 MiB that occupy no blocks: the size check must refuse it before reading a byte.
    paths['huge.jpg'] = join(dir, 'huge.jpg');
    const huge = await open(paths['huge.jpg'], 'w');
    await huge.truncate(51 * 1024 * 1024);
    await huge.close();

    // Someone else already put a dup.jpg in the dataset's root.
    datasetId = await datasetIdOf(server, EMPTY);
    await seedImage(server, datasetId, 'dup.jpg', await image(80, 'jpeg'), { width: 48, height: 36 });

    app = await launchApp({ serverUrl: gate.url, apiKey: server.keys.member, dropPaths: paths });
    await new ShellPage(app.page).waitUntilShown();
    datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(EMPTY);
    uploads = new UploadsPage(app.page);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await gate?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('each bad file shows its own message; the other 45 arrive on the server exactly once', async () => {
    gate.decide = (request) =>
      request.path.endsWith('/images/upload-url') && request.filename === 'changing.jpg' ? 'hold' : 'pass';
    await uploads.dropFiles(Object.keys(paths));
    await uploads.draft.waitFor();
    expect(await uploads.draftDescription.innerText()).toBe(`Upload 50 files to ${EMPTY}`);
    await uploads.start.click();
    await uploads.draft.waitFor({ state: 'detached' });

    // The app has read and checked changing.jpg and asked for its slot: now the file changes.
    await expect.poll(() => gate.waiting.map((r) => r.filename), { timeout: 30_000 }).toEqual(['changing.jpg']);
    await writeFile(paths['changing.jpg']!, await image(71, 'png'));
    gate.release();

    await expect
      .poll(() => uploads.batchSummary.first().innerText(), { timeout: 45_000 })
      .toMatch(/^45 of 50 uploaded · 4 failed · 1 skipped/);
    const states = await uploads.itemStates();
    expect(states.slice(0, 5)).toEqual([
      {
        name: 'changing.jpg',
        state: 'failed',
        message: 'changing.jpg changed during the upload; it was not registered. Add it again.',
      },
      {
        name: 'corrupt.jpg',
        state: 'failed',
        message: expect.stringMatching(/^corrupt\.jpg is damaged and cannot be read as JPEG \(.+\)\.$/),
      },
      { name: 'huge.jpg', state: 'failed', message: 'huge.jpg is 51.0 MiB; images may be at most 50 MiB.' },
      {
        name: 'notimage.jpg',
        state: 'failed',
        message: 'notimage.jpg: its contents are not an image, whatever its extension says.',
      },
      { name: 'dup.jpg', state: 'skipped', message: 'dup.jpg already exists in /; skipped.' },
    ]);
    const done = states.slice(5);
    expect(done.every((i) => i.state === 'done' && i.message === null)).toBe(true);
    expect(done.map((i) => i.name).sort()).toEqual(Array.from({ length: GOOD }, (_, i) => goodName(i + 1)).sort());

    // The server holds the 45 plus the dup.jpg that was there before, each once; the refused
    // files never reached upload-url, and the changed one was never registered.
    const expected = ['/dup.jpg', ...Array.from({ length: GOOD }, (_, i) => `/${goodName(i + 1)}`)].sort();
    expect(await serverImageNames(server, datasetId)).toEqual(expected);
    const slotsAsked = gate.requests.filter((r) => r.path.endsWith('/images/upload-url')).map((r) => r.filename);
    for (const refused of ['corrupt.jpg', 'notimage.jpg', 'huge.jpg']) expect(slotsAsked).not.toContain(refused);
    const registered = gate.requests.filter((r) => r.path.endsWith('/images/register')).map((r) => r.filename);
    expect(registered).not.toContain('changing.jpg');
    expect(registered).toHaveLength(GOOD);
  });

  it('the new images appear in the browser with their thumbnails, without a refresh', async () => {
    await expect.poll(() => datasets.datasetCount.innerText(), { timeout: 30_000 }).toBe('46 images');
    // The grid draws what fits; every drawn tile's thumbnail has decoded.
    await expect.poll(() => datasets.images.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const drawn = await datasets.images.count();
    await expect.poll(() => datasets.loadedThumbnailCount(), { timeout: 30_000 }).toBe(drawn);
    const shown = await datasets.imageNames();
    expect(shown.every((name) => name === 'dup.jpg' || /^photo-\d\d\.(jpg|png)$/.test(name))).toBe(true);
  });
});
