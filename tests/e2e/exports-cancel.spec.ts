import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExportsPage } from './pages/ExportsPage';
import { GateProxy } from './pages/gateProxy';
import { ShellPage } from './pages/ShellPage';

const isExportBytes = (path: string) => path.startsWith('/storage/exports/');

/**
 * Issue 11 item 3/5: a download cancelled half-way leaves nothing in the chosen folder — neither the
 * ZIP nor its temporary `.part`. The gate in front of pictograph-local sends half the ZIP and
 * holds the rest, so "half-way" is exact rather than a race against a fast loopback.
 */
describe('cancelling an export download', () => {
  let server: TestServer;
  let gate: GateProxy;
  let folder: string;
  let app: LaunchedApp;
  let exportsPage: ExportsPage;

  beforeAll(async () => {
    server = await startTestServer();
    gate = await GateProxy.start(server.url);
    folder = await mkdtemp(join(tmpdir(), 'pictograph-exports-cancel-'));
    app = await launchApp({ serverUrl: gate.url, apiKey: server.keys.member, pickFolder: folder });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(STREET);
    exportsPage = new ExportsPage(app.page);
    await exportsPage.open();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await gate?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('mid-way: the row says so and the folder is left empty (no ZIP, no .part)', async () => {
    const row = await exportsPage.createExport({ name: 'half', format: 'coco', includeImages: true });
    expect(await exportsPage.settled(row)).toBe('completed');

    gate.decide = (request) => (isExportBytes(request.path) ? 'trickle' : 'pass');
    await row.getByTestId('exports.row.download').click();
    // The temporary file and the row's progress exist from the start, while the app still asks for
    // the signed link; half-way means the bytes request has reached the gate and is trickling.
    await expect
      .poll(() => gate.requests.filter((r) => isExportBytes(r.path) && r.status === 200).length, { timeout: 30_000 })
      .toBe(1);
    const progress = row.getByTestId('exports.row.progress');
    await expect.poll(() => progress.innerText(), { timeout: 30_000 }).toMatch(/^Downloading \S+ \S+ of \S+ \S+/);
    // Half the ZIP is on disk, in the temporary file only.
    await expect
      .poll(() => readdir(folder), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^\.pictograph-download-[0-9a-f-]+\.part$/)]);
    expect(gate.waiting).toEqual([]);
    expect(gate.requests.filter((r) => isExportBytes(r.path))).toHaveLength(1);

    await row.getByTestId('exports.row.cancel').click();
    expect(await row.getByTestId('exports.row.cancelled').innerText()).toBe(
      'Download cancelled: nothing was left in the folder.',
    );
    expect(await readdir(folder)).toEqual([]);
    expect(await row.getByTestId('exports.row.progress').count()).toBe(0);
    // The held half is let go after the app hung up: nothing arrives to be written.
    gate.release();
    expect(await readdir(folder)).toEqual([]);
    expect(app.logs.filter((line) => line.includes('Export download failed'))).toEqual([]);
  });

  it('the same export downloads in full afterwards, under its own name and nothing else', async () => {
    gate.decide = () => 'pass';
    const row = exportsPage.row('half');
    const saved = await exportsPage.download(row);
    expect(dirname(saved)).toBe(folder);
    expect(await readdir(folder)).toEqual([`${STREET}-half.zip`]);
  });
});
