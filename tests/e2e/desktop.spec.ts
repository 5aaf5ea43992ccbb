import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { BrowserPage } from './pages/BrowserPage';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';
import { ViewerPage } from './pages/ViewerPage';

/**
 * The native shell through the harness (issue 12 item 3), against the embedded demo workspace: the
 * renderer publishes its actions for the application menu, a menu click runs an action, a
 * `pictograph-review://` link opens its image, an export that completes is notified and its
 * download drives the taskbar progress, and Help → "Copy diagnostics" reaches the clipboard.
 * `app.core.shell` is what electron/main calls for a real click or link.
 */
describe('desktop integration', () => {
  let app: LaunchedApp;
  let shell: ShellPage;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pictograph-desktop-'));
    app = await launchApp();
    const connect = new ConnectPage(app.page);
    await connect.waitUntilShown();
    await connect.demo.click();
    shell = new ShellPage(app.page);
    await shell.waitUntilShown(560_000);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const lastMenu = () => app.desktop.menus.at(-1) ?? [];

  it('the renderer publishes its actions (id, label, group, keys, enabled) for the menu', async () => {
    await expect
      .poll(() => lastMenu().map((a) => a.id))
      .toEqual(expect.arrayContaining(['app.theme', 'app.shortcuts', 'app.copyDiagnostics']));
    expect(lastMenu().find((a) => a.id === 'app.theme')).toEqual({
      id: 'app.theme',
      label: 'Switch between dark and light theme',
      group: 'View',
      keys: ['Shift+T'],
      enabled: true,
    });
  });

  it('a menu click runs the action through the registry; an unknown id does nothing', async () => {
    const before = await shell.theme();
    expect(app.core.shell.menuClicked('app.theme')).toBe(true);
    await expect.poll(() => shell.theme()).not.toBe(before);
    expect(app.core.shell.menuClicked('app.shortcuts')).toBe(true);
    await app.page.getByTestId('shortcuts.dialog').waitFor();
    await app.page.getByTestId('shortcuts.close').click();
    const theme = await shell.theme();
    expect(app.core.shell.menuClicked('app.formatDisk')).toBe(false);
    expect(app.events.filter((e) => e.name === 'event:menu-action').map((e) => e.payload)).toEqual([
      { id: 'app.theme' },
      { id: 'app.shortcuts' },
    ]);
    expect(await shell.theme()).toBe(theme);
  });

  it('Help → Copy diagnostics puts main’s report on the clipboard and says so', async () => {
    expect(app.core.shell.menuClicked('app.copyDiagnostics')).toBe(true);
    await expect.poll(() => app.desktop.clipboard.length).toBe(1);
    expect(app.desktop.clipboard[0]).toContain('Pictograph Review');
    await app.page.getByText('Diagnostics copied').waitFor();
  });

  it('images in the browser have a context menu of registry actions (right-click, Shift+F10)', async () => {
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open('Street scenes');
    const browser = new BrowserPage(app.page);
    await browser.waitForItems();
    // The same actions are the desktop menu's Image group while the browser is shown.
    await expect
      .poll(() =>
        lastMenu()
          .filter((a) => a.group === 'Image')
          .map((a) => a.id),
      )
      .toEqual(['image.open', 'image.copyFilename', 'image.offline']);
    const tile = browser.items.nth(1);
    const imageId = await tile.getAttribute('data-image-id');
    await tile.click({ button: 'right' });
    const menu = app.page.getByTestId('browser.contextMenu');
    await menu.waitFor();
    expect(await browser.activeImageId()).toBe(imageId);
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([
      'Open image',
      'Copy filename',
      'Available offline (this dataset)',
    ]);
    await app.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    // A click on a tile opens it: the keyboard way starts from the focused grid, on the active image.
    await browser.grid.focus();
    await app.page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('browser.contextMenu.image.open');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => new ViewerPage(app.page).imageId()).toBe(imageId);
  });

  it('a pictograph-review:// link opens that image; a bad one is refused and changes nothing', async () => {
    const datasets = await app.api.datasets.list();
    if (!datasets.ok) throw new Error(datasets.error.message);
    const dataset = datasets.value[0]!;
    const page = await app.api.images.page({ datasetId: dataset.id, limit: 5, offset: 0 });
    if (!page.ok) throw new Error(page.error.message);
    const image = page.value.items[2]!;
    expect(app.core.shell.openDeepLink(`pictograph-review://open?dataset=${dataset.id}&image=${image.id}&x=1`)).toBe(
      false,
    );
    expect(app.core.shell.openDeepLink(`pictograph-review://open?dataset=${dataset.id}&image=%2e%2e`)).toBe(false);
    expect(app.desktop.focusRequests).toBe(0);
    expect(app.core.shell.openDeepLink(`pictograph-review://open?dataset=${dataset.id}&image=${image.id}`)).toBe(true);
    const viewer = new ViewerPage(app.page);
    await viewer.root.waitFor();
    await expect.poll(() => viewer.imageId()).toBe(image.id);
    await expect.poll(() => viewer.filename.innerText()).toContain(image.filename);
    expect(app.desktop.focusRequests).toBe(1);
    expect(app.logs.filter((line) => line.includes('Refused a deep link'))).toHaveLength(2);
  });

  it('an export that completes is notified once; its download shows taskbar progress, then none', async () => {
    const created = await app.api.exports.create({
      request: {
        datasetName: 'Street scenes',
        name: 'desktop-notify',
        format: 'coco',
        includeImages: true,
        classFilter: null,
        statusFilter: null,
      },
      follow: true,
    });
    if (!created.ok) throw new Error(created.error.message);
    await expect
      .poll(() => app.desktop.notifications.filter((n) => n.body.startsWith('"desktop-notify"')), { timeout: 60_000 })
      .toEqual([
        { title: 'Export ready', body: expect.stringMatching(/^"desktop-notify" of .+ can be downloaded\.$/) },
      ]);
    const download = await app.api.exports.download({ exportId: created.value.id, folder });
    if (!download.ok) throw new Error(download.error.message);
    await expect.poll(() => app.desktop.progress.at(-1), { timeout: 60_000 }).toBe(-1);
    expect(app.desktop.progress.length).toBeGreaterThanOrEqual(2);
    expect(app.desktop.progress.slice(0, -1).every((v) => (v >= 0 && v <= 1) || v === 2)).toBe(true);
  });
});
