import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExportCreate, ExportFormat, ExportRecord } from '../../../shared/api';
import type { ExportDownloadState } from '../../../shared/ipc';
import { AERIAL, STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { fastClient, startCore } from '../main/support/coreHarness';
import type { CoreHarness } from '../main/support/coreHarness';

/**
 * The export service through the real router and core against pictograph-local: create in each
 * format, follow by polling, download into a chosen folder, and the hostile cases (a failed
 * export, an expired link, a name that tries to leave the folder, cancel).
 */
let server: TestServer;
let main: CoreHarness;
let folder: string;
/** Signed ZIP requests, and how to meddle with the next one. */
const signedGets: string[] = [];
let expireNextLink = false;
let holdDownloads = false;

beforeAll(async () => {
  server = await startTestServer();
  main = await startCore({
    client: {
      ...fastClient,
      fetch: async (input, init) => {
        let url = String(input);
        if (new URL(url).pathname.startsWith('/storage/') && (init?.method ?? 'GET') === 'GET') {
          signedGets.push(url);
          if (expireNextLink) {
            // A link whose hour has passed: the real server refuses its signature (403).
            expireNextLink = false;
            const expired = new URL(url);
            expired.searchParams.set('expires', '1');
            url = expired.toString();
          }
          if (holdDownloads) {
            await new Promise((_resolve, reject) => {
              init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
            });
          }
        }
        return fetch(url, init);
      },
    },
    exports: { poll: { initialMs: 15, maxMs: 40 } },
  });
  await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.owner });
});
afterAll(async () => {
  await main?.dispose();
  await server?.close();
});
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'export-target-'));
});

const request = (name: string, patch: Partial<ExportCreate> = {}): ExportCreate => ({
  datasetName: 'street-scenes',
  name,
  format: 'pictograph',
  includeImages: false,
  classFilter: null,
  statusFilter: null,
  ...patch,
});

async function until<T>(find: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The final record main pushed for an export it follows. */
const finalEvent = (id: string): Promise<ExportRecord> =>
  until(
    () =>
      main.events
        .filter((e) => e.name === 'event:export')
        .map((e) => e.payload as ExportRecord)
        .find((r) => r.id === id && (r.status === 'completed' || r.status === 'failed')),
    `export ${id} to finish`,
  );

const downloadEnd = (downloadId: string): Promise<ExportDownloadState> =>
  until(
    () =>
      main.events
        .filter((e) => e.name === 'event:export-download')
        .map((e) => e.payload as ExportDownloadState)
        .find((s) => s.downloadId === downloadId && s.state !== 'running'),
    `download ${downloadId} to end`,
  );

async function createAndDownload(name: string, patch: Partial<ExportCreate> = {}) {
  const created = await main.ok('exports:create', { request: request(name, patch) });
  expect(created.status).toBe('pending');
  const done = await finalEvent(created.id);
  expect(done.status, done.error_message ?? '').toBe('completed');
  const started = await main.ok('exports:download', { exportId: created.id, folder });
  expect(started).toMatchObject({ state: 'running', exportId: created.id, total: done.file_size });
  const end = await downloadEnd(started.downloadId);
  return { created, done, end };
}

const LAYOUT: Record<ExportFormat, (names: string[]) => void> = {
  pictograph: (names) => expect(names.every((n) => /^annotations\/.+\.json$/.test(n))).toBe(true),
  coco: (names) => expect(names).toEqual(['annotations/instances_default.json']),
  yolo: (names) => {
    expect(names[0]).toBe('data.yaml');
    expect(names.slice(1).every((n) => /^labels\/train\/.+\.txt$/.test(n))).toBe(true);
  },
  pascal_voc: (names) => {
    expect(names).toContain('ImageSets/Main/default.txt');
    expect(names).toContain('labelmap.txt');
    expect(names.filter((n) => n.startsWith('Annotations/')).length).toBeGreaterThan(0);
  },
  labelme: (names) => expect(names.every((n) => n.endsWith('.json'))).toBe(true),
  cvat: (names) => expect(names).toEqual(['annotations.xml']),
  csv: (names) => expect(names).toEqual(['annotations.csv']),
};

describe('exports through main', () => {
  it.each(Object.keys(LAYOUT) as ExportFormat[])(
    '%s: created, followed to completed, downloaded into the folder with the contract layout',
    async (format) => {
      const { done, end } = await createAndDownload(`svc ${format}`, { format });
      expect(end).toMatchObject({ state: 'completed', received: done.file_size, error: null });
      expect(end.path).toBe(join(folder, `${STREET}-svc ${format}.zip`));
      expect(await readdir(folder)).toEqual([`${STREET}-svc ${format}.zip`]); // no temp file left
      const files = unzipSync(new Uint8Array(await readFile(end.path!)));
      LAYOUT[format](Object.keys(files));
    },
  );

  it('a failed export shows its message; downloading it is refused with the status', async () => {
    const images = await main.ok('images:page', {
      datasetId: (await main.ok('datasets:list', {})).find((d) => d.name === AERIAL)!.id,
      limit: 1,
      offset: 0,
    });
    await rm(join(server.dataDir, 'blobs', images.items[0]!.id));
    const created = await main.ok('exports:create', {
      request: request('will fail', { datasetName: AERIAL, includeImages: true }),
    });
    const done = await finalEvent(created.id);
    expect(done).toMatchObject({ status: 'failed', error_message: expect.stringMatching(/\S/) });
    expect(await main.call('exports:download', { exportId: created.id, folder })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '"will fail" is failed; only a completed export can be downloaded.' },
    });
  });

  it('an expired signed link is replaced by a fresh one and the download completes', async () => {
    const created = await main.ok('exports:create', { request: request('expired link', { format: 'csv' }) });
    await finalEvent(created.id);
    signedGets.length = 0;
    expireNextLink = true;
    const started = await main.ok('exports:download', { exportId: created.id, folder });
    const end = await downloadEnd(started.downloadId);
    expect(end.state).toBe('completed');
    expect(signedGets).toHaveLength(2);
    expect(new URL(signedGets[0]!).searchParams.get('sig')).not.toBe(null);
  });

  it('a hostile export name such as ../../x stays inside the chosen folder', async () => {
    const inner = join(folder, 'inner');
    await writeFile(join(folder, 'marker'), '');
    await mkdir(inner);
    const created = await main.ok('exports:create', { request: request('../../x', { format: 'csv' }) });
    await finalEvent(created.id);
    const started = await main.ok('exports:download', { exportId: created.id, folder: inner });
    const end = await downloadEnd(started.downloadId);
    expect(end.state).toBe('completed');
    expect(dirname(end.path!)).toBe(inner);
    expect(await readdir(inner)).toEqual([`${STREET}-.._.._x.zip`]);
    expect((await readdir(folder)).sort()).toEqual(['inner', 'marker']);
  });

  it('a second download of the same export never overwrites the first', async () => {
    const { created, end } = await createAndDownload('twice', { format: 'csv' });
    const again = await main.ok('exports:download', { exportId: created.id, folder });
    const second = await downloadEnd(again.downloadId);
    expect(second.path).toBe(join(folder, `${STREET}-twice (2).zip`));
    expect(end.path).toBe(join(folder, `${STREET}-twice.zip`));
  });

  it('cancel stops the download and leaves nothing behind', async () => {
    const created = await main.ok('exports:create', { request: request('to cancel', { format: 'csv' }) });
    await finalEvent(created.id);
    holdDownloads = true;
    try {
      const started = await main.ok('exports:download', { exportId: created.id, folder });
      await until(() => (signedGets.length > 0 ? true : undefined), 'the signed GET');
      expect(await main.ok('exports:cancelDownload', { downloadId: started.downloadId })).toEqual({ cancelled: true });
      const end = await downloadEnd(started.downloadId);
      expect(end).toMatchObject({ state: 'cancelled', path: null, error: { code: 'cancelled' } });
      expect(await readdir(folder)).toEqual([]);
    } finally {
      holdDownloads = false;
    }
  });

  it.each([
    ['a relative folder', 'downloads', /is not an absolute folder path/],
    ['a folder that does not exist', '/nonexistent/pictograph-exports', /does not exist/],
    ['a file instead of a folder', '/etc/hostname', /is a file, not a folder/],
  ])('refuses %s before any request', async (_label, target, message) => {
    const result = await main.call('exports:download', {
      exportId: '00000000-0000-4000-8000-000000000000',
      folder: target,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(message) },
    });
  });

  it('lists and deletes; unfollow stops polling', async () => {
    const created = await main.ok('exports:create', { request: request('listed', { format: 'csv' }), follow: false });
    expect((await main.ok('exports:list', { datasetName: 'street-scenes' })).map((e) => e.id)).toContain(created.id);
    expect(await main.ok('exports:follow', { exportId: created.id })).toMatchObject({ id: created.id });
    expect(await main.ok('exports:unfollow', { exportId: created.id })).toEqual({ following: false });
    expect(await main.ok('exports:delete', { exportId: created.id })).toEqual({ deleted: true });
    expect(await main.call('exports:get', { exportId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
