import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../support/server';
import { AERIAL, STREET, startTestServer } from '../../support/server';
import { serverList } from '../sync/support/sync';
import { datasetsOf } from './support/datasets';
import type { FixtureDatasets } from './support/datasets';
import { startRecordingProxy } from './support/recordingProxy';
import type { RecordingProxy } from './support/recordingProxy';
import { startOfflineApp, until, untilSettled } from './support/offlineApp';
import type { OfflineApp } from './support/offlineApp';

let server: TestServer;
let proxy: RecordingProxy;
let datasets: FixtureDatasets;
const cleanups: (() => Promise<void>)[] = [];

async function freshApp(
  baseUrl: string,
  key: string,
  tuning: Parameters<typeof startOfflineApp>[2] = {},
): Promise<OfflineApp> {
  const dir = await mkdtemp(join(tmpdir(), 'offline-dl-'));
  const app = await startOfflineApp(dir, undefined, tuning);
  cleanups.push(async () => {
    await app.core.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  await app.ok('connection:connect', { baseUrl, apiKey: key });
  return app;
}

const storageFetches = (p: RecordingProxy) => p.requests.filter((r) => r.path.startsWith('/storage/images/'));

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startRecordingProxy(server.url);
  datasets = await datasetsOf(server);
});
afterEach(async () => {
  proxy.up = true;
  proxy.corrupt = null;
  proxy.shorten = null;
  proxy.storageDelayMs = 0;
  proxy.onResponse = null;
  while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

describe('taking a dataset offline', () => {
  it('one listing and one export: every image, thumbnail and list is here, then works with the network gone', async () => {
    const street = datasets[STREET]!;
    const app = await freshApp(proxy.url, server.keys.member);
    proxy.requests.length = 0;
    await app.ok('offline:enable', { datasetId: street.id });
    const status = await untilSettled(app, street.id);
    expect(status).toMatchObject({
      state: 'complete',
      items: { done: street.images.length, total: street.images.length },
      annotationsFrom: 'export',
      failureCount: 0,
    });
    expect(status.bytes.done).toBe(status.bytes.total);
    expect(status.bytes.total).toBeGreaterThan(0);

    const counted = proxy.counted().map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(counted.filter((r) => r.endsWith('/download') && r.includes('/datasets/'))).toHaveLength(1);
    expect(counted.filter((r) => r === 'POST /api/v1/developer/exports/')).toHaveLength(1);
    // No per-image request was counted: bytes came through signed URLs, lists from the export.
    expect(counted.filter((r) => r.includes('/annotations/'))).toEqual([]);
    expect(counted.filter((r) => /\/images\/[0-9a-f-]{36}/.test(r))).toEqual([]);
    expect(counted.length).toBeLessThanOrEqual(12);
    expect(storageFetches(proxy)).toHaveLength(street.images.length);

    // The network goes away: images, thumbnails, lists and the browser's index all answer.
    proxy.up = false;
    for (const imageId of street.images) {
      expect(await app.media(imageId, 'full')).toBe(200);
      expect(await app.media(imageId, 'thumbnail')).toBe(200);
      const doc = await app.ok('annotations:get', { imageId });
      const truth = await serverList(server, imageId);
      expect(doc.annotations).toEqual(truth.annotations);
      // The ETag derived from the export (§7.4) is the server's own: the first save needs no 412.
      expect(doc.etag).toBe(truth.etag);
    }
    const page = await app.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
    expect(page.total).toBe(street.images.length);
  });

  it('a viewer key may not create exports (§6): each image’s list instead (one counted request each)', async () => {
    const aerial = datasets[AERIAL]!;
    const app = await freshApp(proxy.url, server.keys.viewer);
    proxy.requests.length = 0;
    await app.ok('offline:enable', { datasetId: aerial.id });
    const status = await untilSettled(app, aerial.id);
    expect(status.failures).toEqual([]);
    expect(status).toMatchObject({ state: 'complete', annotationsFrom: 'per-image', failureCount: 0 });
    const counted = proxy.counted();
    expect(counted.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/developer/exports/'))).toEqual([
      expect.objectContaining({ status: 403 }),
    ]);
    expect(counted.filter((r) => /\/annotations\/[0-9a-f-]{36}$/.test(r.path))).toHaveLength(aerial.images.length);
    proxy.up = false;
    for (const imageId of aerial.images)
      expect((await app.ok('annotations:get', { imageId })).annotations).toEqual(
        (await serverList(server, imageId)).annotations,
      );
  });

  it('bytes that do not match their checksum are reported and not kept; resume fetches them again', async () => {
    const aerial = datasets[AERIAL]!;
    const bad = aerial.images[1]!;
    const app = await freshApp(proxy.url, server.keys.member);
    proxy.corrupt = (path) => path.startsWith(`/storage/images/${bad}`);
    await app.ok('offline:enable', { datasetId: aerial.id });
    const failed = await untilSettled(app, aerial.id);
    expect(failed).toMatchObject({ state: 'failed', failureCount: 1 });
    expect(failed.failures).toEqual([
      expect.objectContaining({ imageId: bad, what: 'image', message: expect.stringMatching(/checksum/) }),
    ]);
    expect(failed.error?.message).toMatch(/1 of 4 images could not be downloaded/);

    proxy.corrupt = null;
    await app.ok('offline:resume', { datasetId: aerial.id });
    const healed = await untilSettled(app, aerial.id);
    expect(healed).toMatchObject({ state: 'complete', failureCount: 0, items: { done: 4, total: 4 } });
    proxy.up = false;
    expect(await app.media(bad, 'full')).toBe(200);
  });

  it('a file of another size than the listing announced is reported and not kept', async () => {
    const aerial = datasets[AERIAL]!;
    const short = aerial.images[2]!;
    const app = await freshApp(proxy.url, server.keys.member);
    proxy.shorten = (path) => path.startsWith(`/storage/images/${short}`);
    await app.ok('offline:enable', { datasetId: aerial.id });
    const failed = await untilSettled(app, aerial.id);
    expect(failed.failures).toEqual([
      expect.objectContaining({
        imageId: short,
        what: 'image',
        message: expect.stringMatching(/has \d+ bytes; the server announced \d+/),
      }),
    ]);
    proxy.up = false;
    expect(await app.media(short, 'full')).not.toBe(200);
  });

  it('pause stops the download where it is; cancel drops the mark and the pins', async () => {
    const street = datasets[STREET]!;
    const app = await freshApp(proxy.url, server.keys.member, { offline: { concurrency: 1 } });
    proxy.storageDelayMs = 60;
    await app.ok('offline:enable', { datasetId: street.id });
    // Images arrive first; the lists come from the export once they are all here.
    await until(app, street.id, (s) => s.bytes.done > 0);
    const paused = await app.ok('offline:pause', { datasetId: street.id });
    expect(paused.state).toBe('paused');
    const fetched = storageFetches(proxy).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(storageFetches(proxy).length).toBeLessThanOrEqual(fetched + 1);
    expect((await app.ok('offline:status', {}))[0]).toMatchObject({ state: 'paused' });
    const off = await app.ok('offline:cancel', { datasetId: street.id });
    expect(off.state).toBe('off');
    expect(await app.ok('offline:status', {})).toEqual([]);
    expect((await app.call('offline:pause', { datasetId: street.id })).ok).toBe(false);
  });
});

describe('resuming', () => {
  it('after a restart the download goes on where it stopped: no image twice, no second export', async () => {
    const street = datasets[STREET]!;
    const dir = await mkdtemp(join(tmpdir(), 'offline-restart-'));
    const keychainService = `pictograph-test-${randomUUID()}`;
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    proxy.requests.length = 0;
    proxy.storageDelayMs = 80;
    let app = await startOfflineApp(dir, keychainService, { offline: { concurrency: 1 } });
    const connected = await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
    await app.ok('offline:enable', { datasetId: street.id });
    const before = await until(app, street.id, (s) => s.bytes.done > 0);
    expect(before.bytes.done).toBeLessThan(before.bytes.total);
    await app.core.dispose(); // the app quits mid-download

    proxy.storageDelayMs = 0;
    app = await startOfflineApp(dir, keychainService);
    cleanups.push(() => app.core.dispose());
    await app.ok('connection:resume', { profileId: connected.profile!.id });
    const status = await untilSettled(app, street.id);
    expect(status, `the resumed download ended with: ${JSON.stringify(status.error)}`).toMatchObject({
      state: 'complete',
      failureCount: 0,
    });
    // One image may have been in flight when the app quit; nothing else is fetched again.
    expect(storageFetches(proxy).length).toBeLessThanOrEqual(street.images.length + 1);
    expect(proxy.counted().filter((r) => r.method === 'POST' && r.path.includes('/exports/'))).toHaveLength(1);
  });

  it('signed URLs that expire mid-download are refreshed by reading the listing again', async () => {
    let offsetMs = 0;
    const timed = await startTestServer({ clock: () => Date.now() + offsetMs });
    const timedProxy = await startRecordingProxy(timed.url);
    cleanups.push(async () => {
      await timedProxy.close();
      await timed.close();
    });
    const aerial = (await datasetsOf(timed))[AERIAL]!;
    const app = await freshApp(timedProxy.url, timed.keys.member, { offline: { concurrency: 1 } });
    // After the first image arrives, two hours pass: every URL of the listing has expired (§10: 1 h).
    timedProxy.onResponse = (r) => {
      if (r.path.startsWith('/storage/images/') && r.status === 200 && offsetMs === 0) offsetMs = 2 * 3_600_000;
    };
    await app.ok('offline:enable', { datasetId: aerial.id });
    const status = await untilSettled(app, aerial.id);
    expect(status).toMatchObject({ state: 'complete', failureCount: 0, items: { done: 4, total: 4 } });
    const listings = timedProxy.counted().filter((r) => r.path.includes(`/datasets/${aerial.id}/download`));
    expect(listings).toHaveLength(2);
    expect(timedProxy.requests.filter((r) => r.path.startsWith('/storage/images/') && r.status === 403)).toHaveLength(
      1,
    );
  });
});
