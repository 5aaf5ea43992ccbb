import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { DatasetsPage } from './pages/DatasetsPage';
import { GateProxy } from './pages/gateProxy';
import type { GateRequest } from './pages/gateProxy';
import { datasetIdOf, serverImageNames } from './pages/serverImages';
import { ShellPage } from './pages/ShellPage';
import { UploadsPage } from './pages/UploadsPage';

const COUNT = 20;
const PASSED = 6;
const name = (i: number) => `frame-${String(i).padStart(2, '0')}.jpg`;
const isUploadCall = (r: GateRequest) => /\/images\/(upload-url|register)$/.test(r.path);

function jpeg(shade: number): Promise<Buffer> {
  const background = { r: shade, g: 60, b: 255 - shade };
  return sharp({ create: { width: 40, height: 30, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/**
 * Issue 11 item 3/5: "Cancel the rest" in the middle of an upload. The gate lets six files through
 * and holds the slot requests after them, so at the moment of cancelling four files are in flight
 * and ten wait: all fourteen are marked cancelled, the in-flight requests are abandoned (the server
 * never sees them), and no cancelled file is sent later, even when the queue runs again.
 */
describe('cancelling an upload queue', () => {
  let server: TestServer;
  let gate: GateProxy;
  let dir: string;
  let app: LaunchedApp;
  let uploads: UploadsPage;
  let datasetId: string;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    gate = await GateProxy.start(server.url);
    dir = await mkdtemp(join(tmpdir(), 'pictograph-uploads-cancel-'));
    for (let i = 1; i <= COUNT; i++) {
      paths[name(i)] = join(dir, name(i));
      await writeFile(paths[name(i)]!, await jpeg(i * 10));
    }
    paths['later.jpg'] = join(dir, 'later.jpg');
    await writeFile(paths['later.jpg'], await jpeg(250));
    datasetId = await datasetIdOf(server, EMPTY);
    app = await launchApp({ serverUrl: gate.url, apiKey: server.keys.member, dropPaths: paths });
    await new ShellPage(app.page).waitUntilShown();
    const datasets = new DatasetsPage(app.page);
    await datasets.waitForCards();
    await datasets.open(EMPTY);
    uploads = new UploadsPage(app.page);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await gate?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('mid-way: the rest is marked cancelled and nothing more is sent', async () => {
    let slots = 0;
    gate.decide = (r) => (r.path.endsWith('/images/upload-url') && ++slots > PASSED ? 'hold' : 'pass');
    await uploads.dropFiles(Array.from({ length: COUNT }, (_, i) => name(i + 1)));
    await uploads.draft.waitFor();
    await uploads.start.click();

    // Six done, and every worker waiting on a held slot request.
    await expect.poll(() => gate.waiting.length, { timeout: 30_000 }).toBe(4);
    await expect
      .poll(() => uploads.batchSummary.first().innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${PASSED} of ${COUNT} uploaded`));

    await uploads.page.getByTestId('uploads.batch.cancel').click();
    await expect
      .poll(() => uploads.batchSummary.first().innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`^${PASSED} of ${COUNT} uploaded · ${COUNT - PASSED} cancelled`));
    expect(await uploads.page.getByTestId('uploads.batch.cancel').count()).toBe(0);
    const states = await uploads.itemStates();
    expect(states.filter((s) => s.state === 'cancelled')).toHaveLength(COUNT - PASSED);
    expect(states.filter((s) => s.state === 'cancelled').every((s) => s.message === 'Cancelled.')).toBe(true);
    expect(states.filter((s) => s.state === 'done')).toHaveLength(PASSED);

    // The four requests in flight were dropped by the app itself, so letting them go sends nothing.
    await expect.poll(() => gate.abandoned.length, { timeout: 10_000 }).toBe(4);
    expect(gate.waiting).toEqual([]);
    gate.release();
    const done = new Set(states.filter((s) => s.state === 'done').map((s) => s.name));
    expect(await serverImageNames(server, datasetId)).toEqual([...done].map((n) => `/${n}`).sort());

    // The queue runs again for a new file: only that file is sent, no cancelled one comes back.
    gate.decide = () => 'pass';
    const before = gate.requests.length;
    await uploads.dropFiles(['later.jpg']);
    await uploads.draft.waitFor();
    await uploads.start.click();
    await expect.poll(() => uploads.batchSummary.first().innerText(), { timeout: 30_000 }).toMatch(/^1 of 1 uploaded/);
    const sentSince = gate.requests.slice(before).filter(isUploadCall);
    expect(sentSince.map((r) => r.filename)).toEqual(['later.jpg', 'later.jpg']);
    expect(await serverImageNames(server, datasetId)).toEqual([...[...done].map((n) => `/${n}`), '/later.jpg'].sort());
    expect(gate.requests.filter((r) => isUploadCall(r) && r.status !== null && !done.has(r.filename ?? ''))).toEqual(
      sentSince,
    );
  });
});
