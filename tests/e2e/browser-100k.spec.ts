import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBigServer } from '../bench/browserFixture';
import type { BigServer } from '../bench/browserFixture';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

const COUNT = 100_000;
const name = (i: number) => `img_${String(i).padStart(6, '0')}.jpg`;

/**
 * The bench's 100,000-image dataset (built once into .cache/, copied per run): the browser indexes
 * it, scrolls to any part of it, and keeps the DOM and the thumbnail requests to what is on screen.
 */
describe('browser on 100,000 images', () => {
  let server: BigServer;
  let app: LaunchedApp;
  let browser: BrowserPage;
  /** What the browser's indexing progress said while main paged the API. */
  const indexingSeen: string[] = [];

  beforeAll(async () => {
    server = await startBigServer(COUNT);
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open('Bench 100k');
    browser = new BrowserPage(app.page);
    await browser.waitForItems();
    // Indexing pages the API 1,000 at a time; the count reaches the full dataset when it is done.
    // (A plain loop: expect.poll only runs inside a test.)
    const deadline = Date.now() + 110_000;
    while ((await browser.countText()) !== '100,000 images') {
      const progress = app.page.getByTestId('browser.indexing');
      // It can vanish between the two calls (indexing finished): then there is nothing to record.
      const text = await progress.innerText({ timeout: 200 }).catch(() => null);
      if (text) indexingSeen.push(text);
      if (Date.now() > deadline) throw new Error(`not indexed in time: ${await browser.countText()}`);
      await app.page.waitForTimeout(500);
    }
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('showed the indexing progress while main paged the API', () => {
    expect(indexingSeen.length).toBeGreaterThan(0);
    expect(indexingSeen.some((text) => /Indexing [\d,]+ of 100,000/.test(text))).toBe(true);
  });

  it('scrolls to the middle and the end showing the right rows, with a bounded DOM', async () => {
    const columns = Number(await browser.grid.getAttribute('data-columns'));
    const rowHeight = await browser.grid.evaluate((el) => {
      const row = el.querySelector('[role="row"]') as unknown as { getBoundingClientRect(): { height: number } };
      return row.getBoundingClientRect().height;
    });
    expect(rowHeight).toBeGreaterThan(50);
    const scrollHeight = await browser.grid.evaluate((el) => (el as unknown as { scrollHeight: number }).scrollHeight);
    expect(scrollHeight).toBeGreaterThan((COUNT / columns) * rowHeight * 0.9);

    await browser.scrollTo(scrollHeight / 2);
    await expect
      .poll(async () => (await browser.visibleNames()).some((n) => n === name(COUNT / 2)), { timeout: 30_000 })
      .toBe(true);
    // Only the rows on screen (plus overscan) exist, whatever the dataset size.
    expect(await browser.items.count()).toBeLessThan(columns * 12);
    // Never more thumbnails than tiles on screen: off-screen tiles have no <img>.
    expect(await app.page.locator('[data-testid="browser.grid"] img').count()).toBeLessThanOrEqual(
      await browser.items.count(),
    );

    await browser.scrollTo(scrollHeight);
    await expect.poll(async () => (await browser.visibleNames()).at(-1), { timeout: 30_000 }).toBe(name(COUNT - 1));
    await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('jumps with the keyboard from the first to the last of 100,000 and back', async () => {
    await browser.grid.focus();
    await app.page.keyboard.press('End');
    // aria-activedescendant names the item once it is rendered (after the scroll to it).
    await expect.poll(() => browser.activeIndex()).toBe(COUNT - 1);
    await expect.poll(() => browser.activeImageId(), { timeout: 30_000 }).not.toBeNull();
    await app.page.keyboard.press('Home');
    await expect.poll(() => browser.activeIndex()).toBe(0);
    await app.page.keyboard.press('PageDown');
    await expect.poll(async () => (await browser.activeIndex()) ?? 0).toBeGreaterThan(0);
    const afterPage = (await browser.activeIndex()) ?? 0;
    await expect.poll(async () => (await browser.visibleNames()).includes(name(afterPage))).toBe(true);
  });

  it('filters 100,000 rows locally', async () => {
    await browser.filename.fill('img_09999');
    await expect.poll(() => browser.countText(), { timeout: 30_000 }).toBe('10 of 100,000 images');
    await expect.poll(() => browser.visibleNames()).toEqual(Array.from({ length: 10 }, (_, i) => name(99_990 + i)));
    await browser.filename.fill('');
    await expect.poll(() => browser.countText()).toBe('100,000 images');
  });
});
