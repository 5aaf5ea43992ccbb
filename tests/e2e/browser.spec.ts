import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../shared/api';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

describe('dataset browser', () => {
  let server: TestServer;
  let street: Dataset;
  let streetImages: ImageMeta[];
  let app: LaunchedApp | undefined;

  async function serverGet<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}/api/v1/developer${path}`, {
      headers: { 'X-API-Key': server.keys.owner },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startTestServer();
    street = (await serverGet<Dataset[]>('/datasets/')).find((d) => d.name === STREET)!;
    streetImages = await serverGet<ImageMeta[]>(`/images/?dataset_id=${street.id}&limit=1000`);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function openStreet(): Promise<BrowserPage> {
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(STREET);
    const browser = new BrowserPage(app.page);
    await browser.waitForItems();
    return browser;
  }

  it('shows every image of Street Scenes in filename order with its count and thumbnails', async () => {
    const browser = await openStreet();
    const expected = streetImages.map((i) => i.filename).sort();
    await expect.poll(() => browser.visibleNames()).toEqual(expected);
    expect(await browser.countText()).toBe(`${expected.length} images`);
    await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBe(expected.length);
  });
});
