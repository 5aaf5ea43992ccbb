import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../shared/api';
import { AERIAL, STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExportsPage } from './pages/ExportsPage';
import { ShellPage } from './pages/ShellPage';

/** What goes wrong, shown where it happened: a failed export, refused fields, roles that may not. */
describe('exports that fail or are refused', () => {
  let server: TestServer;
  let folder: string;
  let app: LaunchedApp | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    folder = await mkdtemp(join(tmpdir(), 'pictograph-exports-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function panelOf(dataset: string, apiKey: string): Promise<ExportsPage> {
    app = await launchApp({ serverUrl: server.url, apiKey, pickFolder: folder });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(dataset);
    const page = new ExportsPage(app.page);
    await page.open();
    return page;
  }

  async function serverExports(dataset: string): Promise<ExportRecord[]> {
    const response = await fetch(
      `${server.url}/api/v1/developer/exports/?dataset_name=${encodeURIComponent(dataset)}`,
      {
        headers: { 'X-API-Key': server.keys.owner },
      },
    );
    return (await response.json()) as ExportRecord[];
  }

  it("an export the server could not build shows the server's error_message, and offers no download", async () => {
    const page = await panelOf(AERIAL, server.keys.owner);
    // The builder cannot read an image it must include: the job fails with a message.
    const listed = await app!.api.datasets.list();
    if (!listed.ok) throw new Error(listed.error.message);
    const aerial = listed.value.find((d) => d.name === AERIAL)!;
    const images = await app!.api.images.page({ datasetId: aerial.id, limit: 1, offset: 0 });
    if (!images.ok) throw new Error(images.error.message);
    await rm(join(server.dataDir, 'blobs', images.value.items[0]!.id));

    const row = await page.createExport({ name: 'will fail', format: 'coco', includeImages: true });
    expect(await page.settled(row)).toBe('failed');
    const record = (await serverExports(AERIAL)).find((r) => r.name === 'will fail')!;
    expect(record.error_message).toMatch(/\S/);
    expect(await row.getByTestId('exports.row.error').innerText()).toBe(record.error_message);
    expect(await row.getByTestId('exports.row.state').innerText()).toBe('Failed');
    expect(await row.getByTestId('exports.row.download').count()).toBe(0);
    // The OS is told about ready exports only.
    expect(app!.desktop.notifications).toEqual([]);
  });

  it('each field is checked before sending; a taken name comes back from the server onto the name', async () => {
    const page = await panelOf(STREET, server.keys.member);
    const before = (await serverExports(STREET)).length;

    await page.name.fill('   ');
    await page.allClasses.uncheck();
    await page.create.click();
    expect(await page.problem('name').innerText()).toBe('An export name cannot be only spaces.');
    expect(await page.problem('classFilter').innerText()).toBe('Pick at least one class, or export all classes.');
    expect(await page.name.getAttribute('aria-invalid')).toBe('true');
    expect((await serverExports(STREET)).length).toBe(before);
    expect(app!.events.some((e) => e.name === 'event:export')).toBe(false);

    await page.allClasses.check();
    const row = await page.createExport({ name: 'nightly', format: 'csv' });
    expect(await page.settled(row)).toBe('completed');
    await page.name.fill('nightly');
    await page.create.click();
    await page.problem('name').waitFor();
    expect(await page.problem('name').innerText()).toBe('An export with this name already exists for this dataset.');
    expect((await serverExports(STREET)).filter((r) => r.name === 'nightly')).toHaveLength(1);
  });

  it('a member sees Delete disabled with the reason; an admin deletes after confirming', async () => {
    let page = await panelOf(STREET, server.keys.member);
    const row = await page.createExport({ name: 'to delete', format: 'cvat' });
    expect(await page.settled(row)).toBe('completed');
    const memberDelete = row.getByTestId('exports.row.delete');
    expect(await memberDelete.isDisabled()).toBe(true);
    expect(await memberDelete.getAttribute('title')).toBe(
      'Deleting an export needs the owner or admin role; this key has the member role.',
    );
    await app!.close();
    app = undefined;

    page = await panelOf(STREET, server.keys.admin);
    const adminRow = page.row('to delete');
    await adminRow.getByTestId('exports.row.delete').click();
    const confirm = app!.page.getByTestId('exports.confirmDelete');
    await confirm.waitFor();
    // Focus starts on Cancel: Enter by habit destroys nothing.
    expect(await app!.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'exports.confirmDelete.cancel',
    );
    await app!.page.getByTestId('exports.confirmDelete.confirm').click();
    await adminRow.waitFor({ state: 'detached' });
    expect((await serverExports(STREET)).some((r) => r.name === 'to delete')).toBe(false);
  });

  it('a viewer may look but not create: the button is disabled and says why', async () => {
    const page = await panelOf(STREET, server.keys.viewer);
    expect(await page.create.isDisabled()).toBe(true);
    expect(await app!.page.getByTestId('exports.createUnavailable').innerText()).toBe(
      'Creating an export needs the owner, admin or member role; this key has the viewer role.',
    );
    expect(await readdir(folder)).toEqual([]);
  });
});
