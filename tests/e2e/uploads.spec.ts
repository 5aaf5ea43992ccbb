import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { UploadsPage } from './pages/UploadsPage';

function image(width: number, height: number, format: 'jpeg' | 'png', shade: number): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: shade, g: 90, b: 200 - shade } } });
  return (format === 'png' ? base.png() : base.jpeg()).toBuffer();
}

/**
 * Uploads through the UI into an empty dataset (the "Inbox" state) of a real pictograph-local:
 * files dropped on the browser (their disk paths come from the harness as Electron's preload gives
 * them) and a folder picked with "Add folder". Bad files get their own message; the rest appear in
 * the browser with thumbnails, without a manual refresh.
 */
describe('uploads', () => {
  let server: TestServer;
  let dir: string;
  let app: LaunchedApp;
  let uploads: UploadsPage;
  let datasets: DatasetsPage;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'pictograph-uploads-'));
    const files: Record<string, Buffer> = {
      'good1.jpg': await image(64, 48, 'jpeg', 10),
      'good2.png': await image(40, 30, 'png', 120),
      // JPEG magic, then nothing a decoder can use.
      'corrupt.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
      'notimage.jpg': Buffer.from('just some text, renamed to look like a photo\n'),
    };
    for (const [name, bytes] of Object.entries(files)) {
      paths[name] = join(dir, name);
      await writeFile(paths[name], bytes);
    }
    // A second good1.jpg elsewhere on disk: same name, other pixels — the duplicate.
    await mkdir(join(dir, 'again'));
    await writeFile(join(dir, 'again', 'good1.jpg'), await image(64, 48, 'jpeg', 200));
    // A folder to pick: its structure becomes directory_path.
    await mkdir(join(dir, 'photos', '2024'), { recursive: true });
    await writeFile(join(dir, 'photos', 'top.png'), await image(32, 32, 'png', 40));
    await writeFile(join(dir, 'photos', '2024', 'deep.jpg'), await image(32, 24, 'jpeg', 60));
    await writeFile(join(dir, 'photos', '.DS_Store'), 'junk');

    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member, dropPaths: paths });
    await new ShellPage(app.page).waitUntilShown();
    datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(EMPTY);
    uploads = new UploadsPage(app.page);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the empty dataset invites a drop', async () => {
    await app.page.getByTestId('dataset.empty').waitFor();
    expect(await app.page.getByTestId('dataset.empty.dropHint').innerText()).toBe(
      'Drop images or whole folders here, or use Add images.',
    );
  });

  it('dropped files: each bad one says why, the good ones appear with thumbnails', async () => {
    await uploads.dropFiles(['good1.jpg', 'good2.png', 'corrupt.jpg', 'notimage.jpg']);
    await uploads.draft.waitFor();
    expect(await uploads.draftDescription.innerText()).toBe(`Upload 4 files to ${EMPTY}`);
    await uploads.start.click();
    await uploads.draft.waitFor({ state: 'detached' });

    await expect
      .poll(() => uploads.batchSummary.first().innerText(), { timeout: 30_000 })
      .toMatch(/^2 of 4 uploaded · 2 failed/);
    const states = await uploads.itemStates();
    expect(states).toEqual([
      {
        name: 'corrupt.jpg',
        state: 'failed',
        message: expect.stringMatching(/^corrupt\.jpg is damaged and cannot be read as JPEG \(.+\)\.$/),
      },
      {
        name: 'notimage.jpg',
        state: 'failed',
        message: 'notimage.jpg: its contents are not an image, whatever its extension says.',
      },
      { name: 'good1.jpg', state: 'done', message: null },
      { name: 'good2.png', state: 'done', message: null },
    ]);

    // No refresh: the catalog re-indexes and the browser shows the new images with thumbnails.
    await expect
      .poll(async () => (await datasets.imageNames()).sort(), { timeout: 30_000 })
      .toEqual(['good1.jpg', 'good2.png']);
    await expect.poll(() => datasets.loadedThumbnailCount(), { timeout: 30_000 }).toBe(2);
  });

  it('a duplicate name is skipped with a message, or uploaded under a new name', async () => {
    await uploads.page.getByTestId('uploads.clear').click();
    await uploads.queue.waitFor({ state: 'detached' });

    app.desktop.pickFiles = [join(dir, 'again', 'good1.jpg')];
    await uploads.addFiles.click();
    await uploads.draft.waitFor();
    expect(await uploads.draftDescription.innerText()).toBe(`Upload 1 file to ${EMPTY}`);
    await uploads.start.click();
    await expect
      .poll(() => uploads.itemStates(), { timeout: 30_000 })
      .toEqual([{ name: 'good1.jpg', state: 'skipped', message: 'good1.jpg already exists in /; skipped.' }]);

    await uploads.addFiles.click();
    await uploads.renameDuplicates.check();
    await uploads.start.click();
    await expect
      .poll(async () => (await uploads.itemStates()).find((i) => i.state === 'done'), { timeout: 30_000 })
      .toEqual({ name: 'good1 (2).jpg', state: 'done', message: null });
    await expect
      .poll(async () => (await datasets.imageNames()).sort(), { timeout: 30_000 })
      .toEqual(['good1 (2).jpg', 'good1.jpg', 'good2.png']);
  });

  it('a picked folder keeps its structure; hidden files stay home', async () => {
    app.desktop.pickFolder = join(dir, 'photos');
    await uploads.addFolder.click();
    await uploads.draft.waitFor();
    expect(await uploads.draftDescription.innerText()).toBe(
      `Upload the folder “photos” (its folders are kept) to ${EMPTY}`,
    );
    await uploads.start.click();
    await expect
      .poll(async () => (await uploads.itemStates()).filter((i) => i.name.startsWith('photos/')), { timeout: 30_000 })
      .toEqual([
        { name: 'photos/top.png', state: 'done', message: null },
        { name: 'photos/2024/deep.jpg', state: 'done', message: null },
      ]);
    expect(app.desktop.picks).toContainEqual({ kind: 'folder', purpose: 'upload' });
    await expect
      .poll(() => app.page.getByTestId('browser.folder').allInnerTexts(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/photos/)]));
  });

  it('a drop of something without a path on disk is left out and said so', async () => {
    await uploads.dropFiles(['from-a-browser.jpg']);
    await uploads.draft.waitFor();
    expect(await uploads.draftNotes.first().innerText()).toBe(
      'Left out, not files on this computer (dragged from a browser or another app?): from-a-browser.jpg.',
    );
    expect(await uploads.start.isDisabled()).toBe(true);
    await app.page.getByTestId('uploads.draft.cancel').click();
    await uploads.draft.waitFor({ state: 'detached' });
  });
});
