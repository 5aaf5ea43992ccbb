import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../shared/api';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Regression: coming back from the viewer, the grid re-deals its tiles (the catalog revalidates,
 * the width is measured), and tiles keyed by column kept their DOM node while it came to stand for
 * another image — a click in that moment opened the wrong image. Each round a colleague adds an
 * image that sorts first (so every tile moves one place when the catalog catches up) and the
 * target tile is clicked the moment it exists.
 */
describe('coming back to the browser', () => {
  let server: TestServer;
  let app: LaunchedApp;
  let street: Dataset;
  let images: ImageMeta[];

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}/api/v1/developer${path}`, {
      method,
      headers: { 'X-API-Key': server.keys.owner, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** A colleague's upload through the API: an image whose name sorts before every other. */
  async function addFirstImage(filename: string, bytes: Uint8Array): Promise<void> {
    const { upload_id, upload_url } = await api<{ upload_id: string; upload_url: string }>(
      'POST',
      '/images/upload-url',
      { dataset_id: street.id, filename, directory_path: '/', content_type: 'image/png' },
    );
    const put = await fetch(upload_url, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    });
    expect(put.status).toBe(200);
    await api('POST', '/images/register', {
      upload_id,
      dataset_id: street.id,
      filename,
      directory_path: '/',
      file_size: bytes.byteLength,
      mime_type: 'image/png',
      width: null,
      height: null,
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    street = (await api<Dataset[]>('GET', '/datasets/')).find((d) => d.name === STREET)!;
    images = await api<ImageMeta[]>('GET', `/images/?dataset_id=${street.id}&limit=1000`);
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(STREET);
    await new BrowserPage(app.page).waitForItems();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('a tile clicked right after returning opens that image, every time', async () => {
    const viewer = new ViewerPage(app.page);
    const browser = new BrowserPage(app.page);
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 90, g: 40, b: 60 } } })
        .png()
        .toBuffer(),
    );
    expect(images.length).toBeGreaterThanOrEqual(10);
    const targets = [...images].sort((a, b) => (a.filename < b.filename ? 1 : -1)).slice(0, 10);
    for (const [round, image] of targets.entries()) {
      if (round > 0) {
        await addFirstImage(`000-added-${String(99 - round).padStart(2, '0')}.png`, png);
        await app.page.keyboard.press('Escape');
        await browser.root.waitFor();
      }
      // No settling: click as soon as the tile exists.
      await app.page.locator(`[data-testid="dataset.image"][data-image-id="${image.id}"]`).click();
      await viewer.root.waitFor();
      await expect
        .poll(() => viewer.root.getAttribute('data-image-id'), { timeout: 10_000, message: `round ${round}` })
        .toBe(image.id);
    }
  });
});
