import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../shared/api';
import { STREET, developerGet, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp, LaunchOptions } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('dataset browser', () => {
  let server: TestServer;
  let street: Dataset;
  let streetImages: ImageMeta[];
  let app: LaunchedApp | undefined;

  const serverGet = <T>(path: string) => developerGet<T>(server, path);

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

  async function openStreet(options: LaunchOptions = {}): Promise<BrowserPage> {
    app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member, ...options });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(STREET);
    const browser = new BrowserPage(app.page);
    await browser.waitForItems();
    return browser;
  }

  const names = (images: ImageMeta[]) => images.map((i) => i.filename).sort(byName);

  it('shows every image of Street Scenes in filename order with its count and thumbnails', async () => {
    const browser = await openStreet();
    const expected = names(streetImages);
    await expect.poll(() => browser.visibleNames()).toEqual(expected);
    expect(await browser.countText()).toBe(`${expected.length} images`);
    await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBe(expected.length);
    // Folders come from the catalog: root, /day and /night, with totals.
    expect(await browser.folder('/day').innerText()).toContain(
      String(streetImages.filter((i) => i.directory_path === '/day').length),
    );
  });

  it('filters by status, folder and filename, says when nothing matches, and clears', async () => {
    const browser = await openStreet();
    const complete = streetImages.filter((i) => i.status === 'complete');
    await browser.statusChip('complete').click();
    expect(await browser.statusChip('complete').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => browser.visibleNames()).toEqual(names(complete));
    expect(await browser.countText()).toBe(`${complete.length} of ${streetImages.length} images`);

    await browser.statusChip('new').click();
    const completeOrNew = streetImages.filter((i) => i.status === 'complete' || i.status === 'new');
    await expect.poll(() => browser.visibleNames()).toEqual(names(completeOrNew));

    await browser.folder('/night').click();
    const night = completeOrNew.filter((i) => i.directory_path === '/night');
    await expect.poll(() => browser.visibleNames()).toEqual(names(night));

    await browser.folder('/').click();
    await browser.filename.fill('scene_01');
    const typed = completeOrNew.filter((i) => i.filename.includes('scene_01'));
    await expect.poll(() => browser.visibleNames()).toEqual(names(typed));

    await browser.filename.fill('no-such-file');
    await browser.noMatches.waitFor();
    await browser.clearFiltersEmpty.click();
    await expect.poll(() => browser.visibleNames()).toEqual(names(streetImages));
    expect(await browser.filename.inputValue()).toBe('');
    expect(await browser.statusChip('complete').getAttribute('aria-pressed')).toBe('false');
  });

  it('filters by class: images with any of the chosen classes, mouse and keyboard, and clears', async () => {
    const browser = await openStreet();
    const page = app!.page;
    const lists = new Map<string, Set<string>>();
    for (const image of streetImages) {
      const doc = await serverGet<{ annotations: { name: string }[] }>(`/annotations/${image.id}`);
      lists.set(image.id, new Set(doc.annotations.map((a) => a.name)));
    }
    // Two classes that each leave some images out, so the filter visibly narrows the list.
    const [first, second] = street.classes
      .map((c) => c.name)
      .filter((name) => streetImages.some((i) => !lists.get(i.id)!.has(name)));
    const withAny = (...chosen: string[]) =>
      names(streetImages.filter((i) => chosen.some((name) => lists.get(i.id)!.has(name))));
    expect(withAny(first!).length).toBeLessThan(streetImages.length);

    // The API cannot filter by class: the catalog looks at the lists on this computer. A fresh app
    // has none yet, and says so rather than showing an empty result as the truth.
    expect(await browser.classFilter.innerText()).toMatch(/^Any/);
    await browser.classFilter.click();
    await page.getByTestId(`browser.filter.class.${first}`).check();
    await expect
      .poll(() => page.getByTestId('browser.classCoverage').innerText())
      .toMatch(new RegExp(`looked at the 0 of ${streetImages.length} images whose annotations are on this computer`));
    await page.getByTestId('browser.filter.class.clear').click();
    expect(await page.getByTestId('browser.filter.classList').count(), '"Any class" closes the list').toBe(0);
    // Seen once (opened, or made available offline), every image counts.
    for (const image of streetImages) expect((await app!.api.annotations.get({ imageId: image.id })).ok).toBe(true);

    await browser.classFilter.click();
    expect(await browser.classFilter.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId(`browser.filter.class.${first}`).check();
    await expect.poll(() => browser.visibleNames()).toEqual(withAny(first!));
    expect(await browser.countText()).toBe(`${withAny(first!).length} of ${streetImages.length} images`);
    expect(await page.getByTestId('browser.classCoverage').count(), 'every list is known: no caveat').toBe(0);

    // The keyboard: focus moves through the boxes, Space ticks one; Escape closes the list only.
    const secondBox = page.getByTestId(`browser.filter.class.${second}`);
    await secondBox.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => browser.visibleNames()).toEqual(withAny(first!, second!));
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('browser.filter.classList').count()).toBe(0);
    expect(await browser.classFilter.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await browser.root.count(), 'Escape closed the list, not the dataset').toBe(1);
    expect(await browser.classFilter.innerText()).toMatch(/^2 classes/);

    await browser.classFilter.press('Enter');
    await page.getByTestId('browser.filter.class.clear').click();
    await expect.poll(() => browser.visibleNames()).toEqual(names(streetImages));
    expect(await browser.classFilter.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('sorts by lowest confidence first in the order of the server data, in grid and list', async () => {
    const browser = await openStreet();
    await browser.sort.selectOption('confidence');
    const confidenceOf = new Map(streetImages.map((i) => [i.filename, i.min_confidence ?? null]));
    const withConfidence = streetImages.filter((i) => i.min_confidence !== null && i.min_confidence !== undefined);
    const expectedHead = [...withConfidence]
      .sort((a, b) => a.min_confidence! - b.min_confidence!)
      .map((i) => i.filename);
    await expect.poll(async () => (await browser.visibleNames()).slice(0, expectedHead.length)).toEqual(expectedHead);
    // Images without a model prediction come after every image with one.
    const shown = await browser.visibleNames();
    expect(shown).toHaveLength(streetImages.length);
    expect(shown.slice(expectedHead.length).every((name) => confidenceOf.get(name) === null)).toBe(true);

    await browser.listButton.click();
    await browser.list.waitFor();
    await expect.poll(async () => (await browser.visibleNames()).slice(0, expectedHead.length)).toEqual(expectedHead);
    const firstConfidence = await app!.page.getByTestId('dataset.image.confidence').first().innerText();
    expect(firstConfidence).toBe(`${Math.round(withConfidence.map((i) => i.min_confidence!).sort()[0]! * 100)}%`);

    await browser.sortDirection.click();
    await expect.poll(async () => (await browser.visibleNames())[0]).toBe(expectedHead[expectedHead.length - 1]);
  });

  it('moves through the grid and the list with the keyboard and opens the image with Enter', async () => {
    const browser = await openStreet();
    const page = app!.page;
    const columns = Number(await browser.grid.getAttribute('data-columns'));
    expect(columns).toBeGreaterThan(1);
    // Enter on a button keeps its own meaning: it flips the sort, it does not open an image.
    await browser.sortDirection.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => browser.sortDirection.getAttribute('data-descending')).toBe('true');
    expect(await page.getByTestId('viewer').count()).toBe(0);
    await browser.sortDirection.click();
    await expect.poll(() => browser.sortDirection.getAttribute('data-descending')).toBe('false');
    await browser.grid.focus();
    expect(await browser.activeIndex()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await browser.activeIndex()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await browser.activeIndex()).toBe(1 + columns);
    await page.keyboard.press('End');
    expect(await browser.activeIndex()).toBe(streetImages.length - 1);
    await page.keyboard.press('Home');
    expect(await browser.activeIndex()).toBe(0);
    await page.keyboard.press('PageDown');
    expect(await browser.activeIndex()).toBeGreaterThan(0);

    // 'l' switches to the list (an action from the registry), which keeps working by keyboard.
    await page.keyboard.press('l');
    await browser.list.waitFor();
    expect(await browser.listButton.getAttribute('aria-pressed')).toBe('true');
    await browser.list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await browser.activeIndex()).toBe(3);
    await page.keyboard.press('ArrowUp');
    expect(await browser.activeIndex()).toBe(2);
    const chosen = await browser.activeImageId();
    const sorted = [...streetImages].sort((a, b) => byName(a.filename, b.filename));
    expect(chosen).toBe(sorted[2]!.id);

    await page.keyboard.press('Enter');
    await page.getByTestId('viewer').waitFor();
    await expect.poll(() => page.getByTestId('viewer').getAttribute('data-image-id')).toBe(chosen);
  });

  it('focuses the search with /, keeps typed keys out of the shortcuts, and Escape clears it', async () => {
    const browser = await openStreet();
    const page = app!.page;
    await page.keyboard.press('/');
    expect(
      await browser.filename.evaluate(
        (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    // 'l' typed into the field is text, not "show as list".
    await page.keyboard.type('scene_00l');
    expect(await browser.grid.isVisible()).toBe(true);
    await browser.noMatches.waitFor();
    await page.keyboard.press('Escape');
    expect(await browser.filename.inputValue()).toBe('');
    await browser.waitForItems();
    // Still on the browser: Escape in the field cleared it instead of leaving.
    expect(await browser.root.isVisible()).toBe(true);
  });

  it('lists the shortcuts in a dialog that keeps focus and closes with Escape', async () => {
    await openStreet();
    const page = app!.page;
    await page.keyboard.press('Shift+?');
    const dialog = page.getByTestId('shortcuts.dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-labelledby')).toBe('shortcuts-title');
    const actions = await page
      .getByTestId('shortcuts.row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining([
        'browser.view.grid',
        'browser.view.list',
        'browser.search',
        'browser.open',
        'app.theme',
        'app.shortcuts',
      ]),
    );
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(
        await dialog.evaluate((d) =>
          d.contains((globalThis as unknown as { document: { activeElement: never } }).document.activeElement),
        ),
      ).toBe(true);
    }
    // 'g' inside the dialog does not reach the browser underneath.
    await page.keyboard.press('l');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await new BrowserPage(page).grid.isVisible()).toBe(true);
  });

  it('follows the OS theme, and a chosen theme survives a restart', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-theme-'));
    try {
      const browser = await openStreet({ colorScheme: 'light', userDataDir });
      const shell = new ShellPage(app!.page);
      expect(await shell.theme()).toBe('light');
      await app!.page.keyboard.press('Shift+T');
      await expect.poll(() => shell.theme()).toBe('dark');
      expect(await browser.root.isVisible()).toBe(true);
      await expect
        .poll(async () => {
          const saved = await app!.api.settings.get();
          return saved.ok ? saved.value.theme : null;
        })
        .toBe('dark');
      await app!.close();

      // Same profile, the OS still light: the choice wins.
      app = await launchApp({ serverUrl: server.url, apiKey: server.keys.member, colorScheme: 'light', userDataDir });
      await new ShellPage(app.page).waitUntilShown();
      await expect.poll(() => new ShellPage(app!.page).theme()).toBe('dark');
      await app.page.getByTestId('theme.toggle').click();
      await expect.poll(() => new ShellPage(app!.page).theme()).toBe('light');
    } finally {
      await app?.close();
      app = undefined;
      await rm(userDataDir, { recursive: true, force: true });
    }
  });

  it('tells a failed index in a toast with the request id and a copy button, and keeps the cache', async () => {
    const browser = await openStreet();
    const page = app!.page;
    // Thumbnails first, so the faults below meet the index's listing, not a thumbnail download.
    await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBe(streetImages.length);
    // Enough 500s on the image listing to outlast the client's retries of the re-index.
    const fault = await fetch(`${server.url}/__local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 500, count: 12, path_prefix: '/images' }),
    });
    expect(fault.status).toBe(204);
    await page.getByTestId('browser.refresh').click();
    const toast = page.getByTestId('toast');
    await toast.waitFor({ timeout: 60_000 });
    expect(await toast.innerText()).toContain(`Indexing ${STREET} failed`);
    expect((await page.getByTestId('toast.requestId').innerText()).trim().length).toBeGreaterThan(0);
    expect(await page.getByTestId('toast.copy').getAttribute('aria-label')).toContain('Copy request id');
    // The rows already indexed stay on screen.
    expect(await browser.visibleNames()).toHaveLength(streetImages.length);
    await page.getByTestId('toast.dismiss').click();
    await toast.waitFor({ state: 'detached' });
  });

  it('keeps browsing what was seen when the server goes away', async () => {
    const own = await startTestServer();
    let ownClosed = false;
    try {
      app = await launchApp({ serverUrl: own.url, apiKey: own.keys.member });
      await new ShellPage(app.page).waitUntilShown();
      const datasets = new DatasetsPage(app.page);
      await datasets.waitForCards();
      await datasets.open(STREET);
      const browser = new BrowserPage(app.page);
      await browser.waitForItems();
      const seen = await browser.visibleNames();
      expect(seen).toHaveLength(streetImages.length);
      await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBe(seen.length);

      expect(await app.page.getByTestId('status.connection').getAttribute('data-state')).toBe('connected');
      expect(await app.page.getByTestId('status.rateLimit').innerText()).toContain('API quota');
      await own.close();
      ownClosed = true;
      // Back to the overview and in again: everything comes from the local catalog and blob cache.
      await app.page.getByTestId('dataset.back').click();
      await datasets.waitForCards();
      await datasets.open(STREET);
      await browser.waitForItems();
      await expect.poll(() => browser.visibleNames()).toEqual(seen);
      await expect.poll(() => browser.loadedThumbnails(), { timeout: 30_000 }).toBe(seen.length);
      // Queries run locally too.
      await browser.statusChip('complete').click();
      const complete = streetImages.filter((i) => i.status === 'complete');
      await expect.poll(() => browser.visibleNames()).toEqual(names(complete));
      await browser.sort.selectOption('confidence');
      await expect.poll(async () => (await browser.visibleNames()).length).toBe(complete.length);
    } finally {
      if (!ownClosed) await own.close();
    }
  });
});
