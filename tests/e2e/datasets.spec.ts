import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../shared/api';
import { EMPTY, STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

const group = (n: number) => new Intl.NumberFormat('en-US').format(n);
const plural = (n: number, word: string) => `${group(n)} ${n === 1 ? word : `${word}s`}`;

describe('datasets overview', () => {
  let server: TestServer;
  let serverDatasets: Dataset[];
  let app: LaunchedApp | undefined;

  const serverGet = <T>(path: string) => developerGet<T>(server, path);

  beforeAll(async () => {
    server = await startTestServer();
    serverDatasets = await serverGet<Dataset[]>('/datasets/');
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function signedIn(): Promise<DatasetsPage> {
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    const page = new DatasetsPage(app.page);
    await page.waitForCards();
    return page;
  }

  it('lists every dataset of the server with its counts, progress, types and classes', async () => {
    const page = await signedIn();
    expect((await page.cardNames()).sort()).toEqual(serverDatasets.map((d) => d.name).sort());

    for (const dataset of serverDatasets) {
      const card = await page.cardText(dataset.name);
      expect(card.imageCount).toBe(plural(dataset.image_count, 'image'));
      expect(card.annotationCount).toBe(plural(dataset.annotation_count, 'annotation'));
      expect(card.progress).toBe(
        `${group(dataset.completed_image_count)} of ${group(dataset.image_count)} images complete`,
      );
      for (const cls of dataset.classes.slice(0, 6)) expect(card.classes).toContain(cls.name);
      if (dataset.annotation_types.includes('bbox')) expect(card.types).toContain('Boxes');
    }
    const empty = await page.cardText(EMPTY);
    expect(empty.imageCount).toBe('0 images');
    const totalImages = serverDatasets.reduce((sum, d) => sum + d.image_count, 0);
    expect(await page.summary.innerText()).toContain(plural(totalImages, 'image'));
  });

  it('opens a dataset on its first images with real thumbnails, and Escape goes back', async () => {
    const page = await signedIn();
    const street = serverDatasets.find((d) => d.name === STREET)!;
    const images = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=100`);

    await page.open(STREET);
    await page.images.first().waitFor();
    expect((await page.imageNames()).sort()).toEqual(images.map((i) => i.filename).sort());
    await expect.poll(() => page.loadedThumbnailCount(), { timeout: 30_000 }).toBe(images.length);
    expect(await page.datasetCount.innerText()).toBe(plural(street.image_count, 'image'));

    await app!.page.keyboard.press('Escape');
    await page.root.waitFor();
    expect(await page.cards.count()).toBe(serverDatasets.length);
  });

  it('shows a failed refresh with its code and request id, keeps the list, and recovers on retry', async () => {
    const page = await signedIn();
    // Enough 503s to outlast the client's retries (3 by default) on the next list request.
    const fault = await fetch(`${server.url}/__local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 4, path_prefix: '/datasets' }),
    });
    expect(fault.status).toBe(204);

    await page.refresh.click();
    await page.error.waitFor({ timeout: 60_000 });
    expect(await app!.page.getByTestId('datasets.error.http').innerText()).toBe('503');
    expect((await app!.page.getByTestId('datasets.error.request-id').innerText()).length).toBeGreaterThan(0);
    expect(await page.cards.count()).toBe(serverDatasets.length);

    await page.retry.click();
    await page.error.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.cards.count()).toBe(serverDatasets.length);
  });
  it('shows a change made on the server by itself when coming back to the overview (no refresh clicked)', async () => {
    const page = await signedIn();
    const street = (await serverGet<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    expect((await page.cardText(STREET)).annotationCount).toBe(plural(street.annotation_count, 'annotation'));
    const images = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=100`);
    const image = images.find((i) => i.annotation_count > 0)!;
    // A colleague deletes an image's annotations behind this app's back.
    const deleted = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      method: 'DELETE',
      headers: { 'X-API-Key': server.keys.admin },
    });
    expect(deleted.status).toBe(200);
    const expected = plural(street.annotation_count - image.annotation_count, 'annotation');

    // Another dataset and back (opening Street Scenes itself would re-read it while indexing).
    await page.open(EMPTY);
    await app!.page.keyboard.press('Escape');
    await page.root.waitFor();
    // Answered from main's catalog at once, then revalidated: the change event reloads the cards.
    await expect.poll(async () => (await page.cardText(STREET)).annotationCount, { timeout: 15_000 }).toBe(expected);
    expect(await page.error.count()).toBe(0);
  });
});
