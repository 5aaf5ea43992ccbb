import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * The viewer on the demo workspace, as a reviewer uses it: open a street scene from the browser,
 * move through images with the keyboard, zoom and pan, hide a class, and open an aerial tile
 * with thousands of polygons. One app for the whole walk (the demo takes a while to start).
 */
describe('viewer on the demo workspace', () => {
  let app: LaunchedApp;
  let datasets: DatasetsPage;
  let viewer: ViewerPage;

  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1280, height: 800 } });
    const connect = new ConnectPage(app.page);
    await connect.waitUntilShown();
    await connect.demo.click();
    await new ShellPage(app.page).waitUntilShown(560_000);
    datasets = new DatasetsPage(app.page);
    await datasets.waitForCards(120_000);
    viewer = new ViewerPage(app.page);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  async function tileIds(count: number): Promise<string[]> {
    await datasets.images.first().waitFor({ timeout: 60_000 });
    const ids = await datasets.images.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-image-id') ?? ''));
    return ids.slice(0, count);
  }

  async function annotationCount(imageId: string): Promise<number> {
    const result = await app.api.annotations.get({ imageId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.annotations.length;
  }

  it('opens a street scene from the browser with every annotation drawn', { timeout: 120_000 }, async () => {
    await datasets.open('Street scenes');
    const [first] = await tileIds(1);
    await datasets.images.first().click();
    await viewer.root.waitFor();
    const state = await viewer.waitForCrisp({ imageId: first! });
    const expected = await annotationCount(first!);
    expect(await viewer.annotationCount.innerText()).toBe(String(expected));
    expect(state.drawnCount).toBe(expected);
    const meta = await app.api.images.metadata({ imageId: first! });
    expect(meta.ok && (await viewer.filename.innerText()) === meta.value.filename).toBe(true);
    expect(await viewer.position.innerText()).toMatch(/^1 \/ 500$/);
    expect(await viewer.previous.isDisabled()).toBe(true);
    // The picture itself is on the image layer: a real decoded frame, not a placeholder.
    expect(await viewer.pictureError.count()).toBe(0);
  });

  it('moves through images with D/A and the arrow keys, in the browser order', { timeout: 120_000 }, async () => {
    await viewer.root.waitFor();
    const position = await app.api.catalog.position({
      datasetId: (await viewer.root.getAttribute('data-dataset-id'))!,
      imageId: (await viewer.imageId())!,
      query: { sort: 'filename', descending: false },
      span: 3,
    });
    if (!position.ok) throw new Error(position.error.message);
    const [second, third] = position.value.after;
    const first = await viewer.imageId();

    await app.page.keyboard.press('d');
    await viewer.waitForCrisp({ imageId: second! });
    expect(await viewer.position.innerText()).toBe('2 / 500');
    await app.page.keyboard.press('ArrowRight');
    await viewer.waitForCrisp({ imageId: third! });
    await app.page.keyboard.press('a');
    await viewer.waitForCrisp({ imageId: second! });
    await app.page.keyboard.press('ArrowLeft');
    await viewer.waitForCrisp({ imageId: first! });
    expect(await viewer.position.innerText()).toBe('1 / 500');
  });

  it(
    'zooms at the cursor, with keys and buttons, and redraws crisp after the gesture',
    { timeout: 60_000 },
    async () => {
      const before = await viewer.waitForCrisp();
      const box = (await viewer.canvas.boundingBox())!;
      await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await app.page.mouse.wheel(0, -400);
      await expect.poll(async () => (await viewer.drawState()).scale).toBeGreaterThan(before.scale * 1.2);
      const zoomed = await viewer.waitForCrisp({ afterSeq: before.seq });
      expect(zoomed.drawnCount).toBeLessThanOrEqual(before.drawnCount);

      await app.page.keyboard.press('1');
      await expect.poll(async () => (await viewer.drawState()).scale).toBe(1);
      expect(await viewer.zoom.innerText()).toBe('100%');
      await app.page.keyboard.press('+');
      await expect.poll(async () => (await viewer.drawState()).scale).toBe(1.25);
      await app.page.keyboard.press('-');
      await expect.poll(async () => (await viewer.drawState()).scale).toBe(1);
      await viewer.fit.click();
      await expect.poll(async () => (await viewer.drawState()).scale).toBeCloseTo(before.scale, 3);
    },
  );

  it('pans with Shift+arrows, Space-drag and the middle button; the minimap follows', { timeout: 60_000 }, async () => {
    await app.page.keyboard.press('1');
    await viewer.minimap.waitFor();
    const start = (await viewer.drawState()).offset;
    await app.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await viewer.drawState()).offset[0]).toBe(start[0] - 80);

    const box = (await viewer.canvas.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const beforeDrag = (await viewer.drawState()).offset;
    await viewer.canvas.focus();
    await app.page.keyboard.down(' ');
    await app.page.mouse.move(cx, cy);
    await app.page.mouse.down();
    await app.page.mouse.move(cx + 60, cy + 30, { steps: 4 });
    await app.page.mouse.up();
    await app.page.keyboard.up(' ');
    const afterDrag = (await viewer.drawState()).offset;
    expect(afterDrag[0] - beforeDrag[0]).toBeCloseTo(60, 0);
    expect(afterDrag[1] - beforeDrag[1]).toBeCloseTo(30, 0);

    await app.page.mouse.move(cx, cy);
    await app.page.mouse.down({ button: 'middle' });
    await app.page.mouse.move(cx - 40, cy, { steps: 3 });
    await app.page.mouse.up({ button: 'middle' });
    expect((await viewer.drawState()).offset[0] - afterDrag[0]).toBeCloseTo(-40, 0);

    const viewBox = await app.page.getByTestId('viewer.minimap.view').boundingBox();
    expect(viewBox!.width).toBeGreaterThan(0);
    await viewer.fit.click();
    await viewer.minimap.waitFor({ state: 'detached' });
  });

  it('hides and shows a class: the drawn pixels change and come back', { timeout: 60_000 }, async () => {
    const shown = await viewer.waitForCrisp();
    const original = await viewer.annotationPixels();
    const rows = await viewer.legend
      .locator('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => ({ id: b.getAttribute('data-testid')!, text: (b as HTMLElement).innerText })),
      );
    // A class with annotations on this image (its count is the first number in the row).
    const target = rows.find((row) => Number(/(\d+)/.exec(row.text.split('\n').slice(1).join(' '))?.[1] ?? 0) > 0);
    expect(target).toBeDefined();
    const row = app.page.getByTestId(target!.id);

    await row.click();
    expect(await row.getAttribute('aria-pressed')).toBe('false');
    const hidden = await viewer.waitForCrisp({ afterSeq: shown.seq });
    expect(hidden.drawnCount).toBeLessThan(shown.drawnCount);
    const without = await viewer.annotationPixels();
    // Other classes may cover the same pixels, so the count of painted pixels need not drop.
    expect(without.checksum).not.toBe(original.checksum);

    await row.click();
    await viewer.waitForCrisp({ afterSeq: hidden.seq });
    expect((await viewer.annotationPixels()).checksum).toBe(original.checksum);
  });

  it('adjusts brightness on the picture layer only', async () => {
    await viewer.brightness.fill('1.5');
    await expect.poll(() => viewer.pictureFilter()).toBe('brightness(1.5) contrast(1)');
    await app.page.getByTestId('viewer.adjust.reset').click();
    await expect.poll(() => viewer.pictureFilter()).toBe('');
  });

  it('goes back with Escape, then opens an aerial tile with thousands of polygons', { timeout: 180_000 }, async () => {
    await app.page.keyboard.press('Escape');
    await datasets.datasetView.waitFor();
    await app.page.keyboard.press('Escape');
    await datasets.waitForCards();
    await datasets.open('Aerial tiles');
    const [tile] = await tileIds(1);
    await datasets.images.first().click();
    const state = await viewer.waitForCrisp({ imageId: tile!, timeout: 120_000 });
    const expected = await annotationCount(tile!);
    expect(expected).toBeGreaterThanOrEqual(2000);
    expect(state.drawnCount).toBe(expected);
    expect(await viewer.annotationCount.innerText()).toBe(expected.toLocaleString('en-US'));
    // Drawn once: the toolbar's row is held while the image loads, so the stage does not resize
    // (and draw every shape again) when the editor arrives.
    await app.page.waitForTimeout(300);
    expect((await viewer.drawState()).seq, 'crisp draws of the new stage after opening').toBe(1);

    // A zoom gesture on it shows the cached bitmap first, then a culled crisp redraw.
    const box = (await viewer.canvas.boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    await app.page.mouse.wheel(0, -1200);
    const crisp = await viewer.waitForCrisp({ afterSeq: state.seq });
    expect(crisp.drawnCount).toBeGreaterThan(0);
    expect(crisp.drawnCount).toBeLessThan(expected);
  });
});
