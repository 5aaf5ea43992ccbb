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
const name = (i: number) => `shot-${String(i).padStart(2, '0')}.jpg`;
const isSlot = (r: GateRequest) => r.path.endsWith('/images/upload-url');
const isRegister = (r: GateRequest) => r.path.endsWith('/images/register');

/**
 * Issue 11 item 5: the app is closed in the middle of an upload and started again on the same data
 * folder; the persisted queue resumes and every file arrives exactly once. The gate in front of
 * pictograph-local makes "the middle" exact: ten files get a slot, eight register normally, two
 * register on the server but the app never hears back (the dangerous case: a naive retry would
 * upload them twice), and two more wait for a slot when the app closes.
 */
describe('a restart during an upload', () => {
  let server: TestServer;
  let gate: GateProxy;
  let dir: string;
  let userDataDir: string;
  let app: LaunchedApp | undefined;
  let datasetId: string;
  const paths: Record<string, string> = {};
  const keychainService = `pictograph-review-test-restart-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    server = await startTestServer();
    gate = await GateProxy.start(server.url);
    dir = await mkdtemp(join(tmpdir(), 'pictograph-uploads-restart-'));
    userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-userdata-restart-'));
    for (let i = 1; i <= COUNT; i++) {
      paths[name(i)] = join(dir, name(i));
      const background = { r: i * 10, g: 120, b: 255 - i * 10 };
      await writeFile(
        paths[name(i)]!,
        await sharp({ create: { width: 40, height: 30, channels: 3, background } })
          .jpeg()
          .toBuffer(),
      );
    }
    datasetId = await datasetIdOf(server, EMPTY);
  });
  afterAll(async () => {
    await app?.close();
    await gate?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ app: LaunchedApp; uploads: UploadsPage }> {
    const launched = await launchApp({
      serverUrl: gate.url,
      apiKey: server.keys.member,
      userDataDir,
      keychainService,
      dropPaths: paths,
    });
    app = launched;
    await new ShellPage(launched.page).waitUntilShown();
    const datasets = new DatasetsPage(launched.page);
    await datasets.waitForCards();
    await datasets.open(EMPTY);
    return { app: launched, uploads: new UploadsPage(launched.page) };
  }

  it('closed mid-way, started again: all twenty arrive exactly once', async () => {
    let slots = 0;
    let registers = 0;
    gate.decide = (request) => {
      if (isSlot(request)) return ++slots <= 10 ? 'pass' : 'hold';
      if (isRegister(request)) return ++registers <= 8 ? 'pass' : 'swallow';
      return 'pass';
    };
    const first = await start();
    await first.uploads.dropFiles(Object.keys(paths));
    await first.uploads.draft.waitFor();
    await first.uploads.start.click();

    // All four workers are stuck: two waiting for a register answer, two for a slot.
    await expect.poll(() => gate.swallowed, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => gate.waiting.length, { timeout: 30_000 }).toBe(2);
    expect(await serverImageNames(server, datasetId)).toHaveLength(10);
    await expect
      .poll(() => first.uploads.batchSummary.first().innerText(), { timeout: 10_000 })
      .toMatch(/^8 of 20 uploaded/);

    // The user quits; userData (and the queue in it) stays. The server is still slow to answer
    // the held requests, but the app that sent them is gone.
    await first.app.close();
    app = undefined;
    await expect.poll(() => gate.waiting).toEqual([]);
    gate.decide = () => 'pass';
    gate.release();
    const before = gate.requests.length;

    const second = await start();
    await expect
      .poll(() => second.uploads.batchSummary.first().innerText(), { timeout: 45_000 })
      .toMatch(/^20 of 20 uploaded/);
    const states = await second.uploads.itemStates();
    expect(states.map((s) => s.name).sort()).toEqual(Object.keys(paths).sort());
    expect(states.every((s) => s.state === 'done' && s.message === null)).toBe(true);

    expect(await serverImageNames(server, datasetId)).toEqual(Object.keys(paths).map((n) => `/${n}`));
    // The two whose register went unanswered were recognised as already there (their name taken
    // with their own image id), not uploaded again; the eight done ones were not touched at all.
    const resumed = gate.requests.slice(before);
    const doneFirst = new Set(
      gate.requests
        .slice(0, before)
        .filter((r) => isRegister(r) && r.status === 201)
        .map((r) => r.filename),
    );
    expect(doneFirst.size).toBe(10);
    const touchedAgain = resumed.filter((r) => (isSlot(r) || isRegister(r)) && doneFirst.has(r.filename));
    expect(touchedAgain.filter((r) => r.status !== 409)).toEqual([]);
    expect(new Set(touchedAgain.map((r) => r.filename)).size).toBe(2);
    expect(resumed.filter((r) => isRegister(r) && r.status === 201)).toHaveLength(COUNT - 10);
  });
});
