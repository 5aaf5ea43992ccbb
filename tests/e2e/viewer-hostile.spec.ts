import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * Hostile data through the real path (pictograph-local → main → media URL → renderer): each bad
 * image is uploaded with the 3-step upload and given annotations through the API, then opened in
 * the viewer. pictograph-local refuses unknown annotation types, classes missing from the dataset
 * and invalid class colours (§7.3, seed validation), so those are covered at the module level
 * (tests/unit/renderer/viewer/prepareScene.test.ts, colors.test.ts) instead.
 */
const LONG_FILENAME = `${'long-name-'.repeat(24)}${'z'.repeat(11)}.png`; // 255 characters
const DEEP_DIRECTORY = `/${Array.from({ length: 102 }, (_, i) => `dir${String(i).padStart(5, '0')}`).join('/')}`.slice(
  0,
  1024,
);

interface Uploaded {
  id: string;
  filename: string;
}

describe('viewer with hostile data', () => {
  let server: TestServer;
  let app: LaunchedApp;
  let viewer: ViewerPage;
  let datasets: DatasetsPage;
  const images: Record<string, Uploaded> = {};

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

  async function upload(
    datasetId: string,
    filename: string,
    directory: string,
    type: string,
    bytes: Uint8Array,
  ): Promise<Uploaded> {
    const { upload_id, upload_url } = await api<{ upload_id: string; upload_url: string }>(
      'POST',
      '/images/upload-url',
      {
        dataset_id: datasetId,
        filename,
        directory_path: directory,
        content_type: type,
      },
    );
    const put = await fetch(upload_url, {
      method: 'PUT',
      headers: { 'Content-Type': type },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    });
    expect(put.status).toBe(200);
    const meta = await api<{ id: string }>('POST', '/images/register', {
      upload_id,
      dataset_id: datasetId,
      filename,
      directory_path: directory,
      file_size: bytes.byteLength,
      mime_type: type,
      width: null,
      height: null,
    });
    return { id: meta.id, filename };
  }

  const png = async (width: number, height: number) =>
    new Uint8Array(
      await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 60 } } })
        .png()
        .toBuffer(),
    );
  const ring = (cx: number, cy: number, r: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      x: cx + Math.cos((i / n) * Math.PI * 2) * r * (i % 2 ? 1 : 0.8),
      y: cy + Math.sin((i / n) * Math.PI * 2) * r * (i % 2 ? 1 : 0.8),
    }));
  const polygon = (id: string, name: string, points: { x: number; y: number }[]) => ({
    id,
    name,
    type: 'polygon',
    polygon: { paths: [points] },
  });

  beforeAll(async () => {
    server = await startTestServer();
    const list = await api<{ id: string; name: string }[]>('GET', '/datasets/');
    const aerial = list.find((d) => d.name === AERIAL)!.id;

    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    images.corrupt = await upload(
      aerial,
      'corrupt.png',
      '/',
      'image/png',
      Uint8Array.from([...signature, ...Array.from({ length: 300 }, (_, i) => (i * 37) % 251)]),
    );
    images.notJpeg = await upload(
      aerial,
      'not-a-jpeg.jpg',
      '/',
      'image/jpeg',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('this is a text file, not a JPEG')]),
    );
    images.wide = await upload(aerial, 'wide-20000.png', '/', 'image/png', await png(20_000, 600));
    // Incompressible noise, stored uncompressed: just under the 50 MiB upload limit.
    const noise = new Uint8Array(4096 * 4096 * 3);
    for (let i = 0, s = 1; i < noise.length; i++) noise[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    const big = new Uint8Array(
      await sharp(noise, { raw: { width: 4096, height: 4096, channels: 3 } })
        .png({ compressionLevel: 0 })
        .toBuffer(),
    );
    expect(big.byteLength).toBeGreaterThan(48 * 1024 * 1024);
    expect(big.byteLength).toBeLessThanOrEqual(50 * 1024 * 1024);
    images.big = await upload(aerial, 'big-50mib.png', '/', 'image/png', big);
    images.far = await upload(aerial, 'far-away.png', '/', 'image/png', await png(64, 48));
    images.vertices = await upload(aerial, 'many-vertices.png', '/', 'image/png', await png(512, 512));
    images.names = await upload(aerial, LONG_FILENAME, DEEP_DIRECTORY, 'image/png', await png(64, 48));

    const save = (id: string, annotations: unknown[]) => api('POST', `/annotations/${id}`, { annotations });
    await save(images.far.id, [
      polygon('near', 'building', ring(30, 20, 10, 8)),
      polygon('far', 'building', ring(10_000_000, -5_000_000, 50, 8)),
    ]);
    await save(images.vertices.id, [polygon('huge', 'tree', ring(256, 256, 200, 100_000))]);
    await save(images.corrupt.id, [polygon('kept', 'building', ring(40, 40, 20, 6))]);
    await save(images.big.id, [polygon('b', 'building', ring(2000, 2000, 300, 12))]);

    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(AERIAL);
    viewer = new ViewerPage(app.page);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  /** The viewer on `image`, opened by clicking its tile in the browser (once: browser-return.spec covers the timing). */
  async function open(image: Uploaded): Promise<void> {
    if (await viewer.root.isVisible()) {
      await app.page.keyboard.press('Escape');
      await datasets.datasetView.waitFor();
    }
    const tile = app.page.locator(`[data-testid="dataset.image"][data-image-id="${image.id}"]`);
    await tile.waitFor({ timeout: 60_000 });
    await tile.click();
    await viewer.root.waitFor();
    await expect.poll(() => viewer.root.getAttribute('data-image-id'), { timeout: 10_000 }).toBe(image.id);
  }

  it('shows a corrupt file as a clear message, still drawing its annotations', async () => {
    await open(images.corrupt!);
    const state = await viewer.waitForCrisp({ imageId: images.corrupt!.id });
    await expect.poll(() => viewer.pictureError.innerText()).toMatch(/could not be decoded/);
    expect(state.drawnCount).toBe(1);
    expect(await viewer.notesText()).toMatch(/could not be decoded/);
    // The rest of the screen works: the legend toggles and next is offered.
    await viewer.legendRow('building').click();
    expect(await viewer.legendRow('building').getAttribute('aria-pressed')).toBe('false');
    await viewer.legendRow('building').click();
  });

  it('shows a file that is not the type it claims as a clear message', async () => {
    await open(images.notJpeg!);
    await viewer.waitForCrisp({ imageId: images.notJpeg!.id });
    await expect.poll(() => viewer.pictureError.innerText()).toMatch(/image\/jpeg.*not the type it claims/);
  });

  it('downscales an image wider than a canvas may be, and says so', async () => {
    await open(images.wide!);
    await viewer.waitForCrisp({ imageId: images.wide!.id });
    expect(await viewer.note('downscaled').innerText()).toMatch(/downscaled to 16,384 × 491/);
    expect(await viewer.pictureError.count()).toBe(0);
  });

  it('opens a 50 MiB file', { timeout: 120_000 }, async () => {
    await open(images.big!);
    const state = await viewer.waitForCrisp({ imageId: images.big!.id, timeout: 90_000 });
    expect(state.drawnCount).toBe(1);
    expect(await viewer.pictureError.count()).toBe(0);
  });

  it('marks annotations far outside the image and keeps the view on the image', async () => {
    await open(images.far!);
    const state = await viewer.waitForCrisp({ imageId: images.far!.id });
    expect(await viewer.note('outside').innerText()).toBe('1 annotation lies entirely outside the image.');
    // Culled: only the shape near the image is drawn at fit, and the fit is the image's, not the far shape's.
    expect(state.drawnCount).toBe(1);
    expect(state.scale).toBeGreaterThan(1);
  });

  it('draws a polygon with 100,000 vertices', async () => {
    await open(images.vertices!);
    const state = await viewer.waitForCrisp({ imageId: images.vertices!.id });
    expect(state.drawnCount).toBe(1);
    expect((await viewer.annotationPixels()).painted).toBeGreaterThan(10_000);
  });

  it('fits a 255-character filename and a 1,024-character folder in the header without breaking it', async () => {
    await open(images.names!);
    await viewer.waitForCrisp({ imageId: images.names!.id });
    expect(await viewer.filename.innerText()).toBe(LONG_FILENAME);
    expect(await viewer.folder.innerText()).toBe(DEEP_DIRECTORY);
    const viewport = app.page.viewportSize()!;
    for (const control of [viewer.next, viewer.zoomIn, viewer.fit, viewer.back]) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    await viewer.zoomIn.click();
    await expect.poll(async () => (await viewer.drawState()).scale).toBeGreaterThan(1);
  });
});
