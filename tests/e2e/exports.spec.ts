import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/api';
import type { Dataset } from '../../shared/api';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExportsPage } from './pages/ExportsPage';
import { layoutProblems, readZip } from './pages/exportLayout';
import { ShellPage } from './pages/ShellPage';

/**
 * Exports through the UI against the embedded demo workspace (pictograph-local): every format is
 * created from the panel, followed to completed, downloaded into the folder the "native" picker
 * answers, and its ZIP read against docs/api.md §8.1.
 */
describe('exports of the demo workspace', () => {
  const DATASET = 'Street scenes';
  let app: LaunchedApp;
  let folder: string;
  let dataset: Dataset;
  let exportsPage: ExportsPage;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pictograph-exports-'));
    app = await launchApp({ pickFolder: folder });
    const connect = new ConnectPage(app.page);
    await connect.waitUntilShown();
    await connect.demo.click();
    await new ShellPage(app.page).waitUntilShown(560_000);
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    const listed = await app.api.datasets.list();
    if (!listed.ok) throw new Error(listed.error.message);
    dataset = listed.value.find((d) => d.name === DATASET)!;
    await datasets.open(DATASET);
    exportsPage = new ExportsPage(app.page);
    await exportsPage.open();
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it.each([...EXPORT_FORMATS])('%s: created, followed, downloaded, laid out as §8.1 says', async (format) => {
    const row = await exportsPage.createExport({ name: `street ${format}`, format });
    expect(await exportsPage.settled(row)).toBe('completed');
    await expect.poll(() => row.getByTestId('exports.row.state').innerText()).toMatch(/^Ready · /);
    await exportsPage.notes
      .filter({ hasText: `"street ${format}" of ${DATASET} can be downloaded from its exports panel.` })
      .waitFor();

    const saved = await exportsPage.download(row);
    expect(dirname(saved)).toBe(folder);
    expect(saved).toBe(join(folder, `${DATASET}-street ${format}.zip`));
    const files = readZip(new Uint8Array(await readFile(saved)));
    expect(
      layoutProblems(format, files, {
        imageCount: dataset.image_count,
        classNames: dataset.classes.map((c) => c.name),
      }),
    ).toEqual([]);
  });

  it('said each export was ready: a note in the app and an OS notification, once each', () => {
    const bodies = app.desktop.notifications.map((n) => n.body);
    for (const format of EXPORT_FORMATS) {
      expect(bodies.filter((b) => b === `"street ${format}" of ${DATASET} can be downloaded.`)).toHaveLength(1);
    }
    expect(app.desktop.notifications.every((n) => n.title === 'Export ready')).toBe(true);
  });

  it('"Show in folder" reveals the downloaded file through the desktop, nothing else', async () => {
    const row = exportsPage.row('street csv');
    await row.getByTestId('exports.row.show').click();
    await expect.poll(() => app.desktop.shownItems).toEqual([join(folder, `${DATASET}-street csv.zip`)]);
    const refused = await app.api.shell.showItem({ path: join(folder, '..', 'anything.zip') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.desktop.shownItems).toHaveLength(1);
  });

  it('a hostile export name (../../x) is written inside the chosen folder, under a safe name', async () => {
    const before = new Set(await readdir(folder));
    const row = await exportsPage.createExport({ name: '../../x', format: 'csv' });
    expect(await exportsPage.settled(row)).toBe('completed');
    const saved = await exportsPage.download(row);
    expect(dirname(saved)).toBe(folder);
    const added = (await readdir(folder)).filter((name) => !before.has(name));
    expect(added).toEqual([saved.slice(folder.length + 1)]);
    expect(added[0]).not.toMatch(/[/\\]/);
    expect(await readdir(dirname(folder))).not.toContain('x.zip');
    expect(await readdir(join(folder, '..', '..'))).not.toContain('x.zip');
  });

  it('a cancelled folder picker starts nothing', async () => {
    app.desktop.pickFolder = null;
    const downloadsBefore = app.events.filter((e) => e.name === 'event:export-download').length;
    const row = exportsPage.row('street coco');
    await row.getByTestId('exports.row.download').click();
    await expect.poll(() => app.desktop.picks.length).toBeGreaterThan(EXPORT_FORMATS.length + 1);
    expect(app.events.filter((e) => e.name === 'event:export-download').length).toBe(downloadsBefore);
    expect(await row.getByTestId('exports.row.actionError').count()).toBe(0);
    app.desktop.pickFolder = folder;
  });

  it('Escape closes the panel and main stops following', async () => {
    await app.page.keyboard.press('Escape');
    await exportsPage.panel.waitFor({ state: 'detached' });
    await expect(exportsPage.openButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });
});
