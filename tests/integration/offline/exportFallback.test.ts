import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../support/server';
import { STREET, startTestServer } from '../../support/server';
import { serverList } from '../sync/support/sync';
import { datasetsOf } from './support/datasets';
import type { FixtureDatasets } from './support/datasets';
import { startOfflineApp, untilSettled } from './support/offlineApp';
import type { OfflineApp } from './support/offlineApp';
import { startRecordingProxy } from './support/recordingProxy';
import type { RecordingProxy } from './support/recordingProxy';

const EXPORTS = '/api/v1/developer/exports/';

let server: TestServer;
let proxy: RecordingProxy;
let datasets: FixtureDatasets;
const cleanups: (() => Promise<void>)[] = [];

async function freshApp(): Promise<OfflineApp> {
  const dir = await mkdtemp(join(tmpdir(), 'offline-noexport-'));
  const app = await startOfflineApp(dir);
  cleanups.push(async () => {
    await app.core.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  // A member key: it may create exports (§6), so only the missing route sends it per image.
  await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
  return app;
}

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startRecordingProxy(server.url);
  datasets = await datasetsOf(server);
});
afterEach(async () => {
  proxy.inject = null;
  while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

describe('a server without the export route (docs/offline.md "No exports for this key")', () => {
  it.each([
    [404, { code: 'not_found', message: 'Route not found.' }],
    [405, { code: 'method_not_allowed', message: 'Method not allowed.' }],
  ])(
    'POST /exports/ answering %i: each image’s list is read instead, and the dataset completes',
    async (status, body) => {
      const street = datasets[STREET]!;
      const app = await freshApp();
      proxy.inject = (method, path) => (method === 'POST' && path === EXPORTS ? { status, body } : null);
      proxy.requests.length = 0;
      await app.ok('offline:enable', { datasetId: street.id });
      const done = await untilSettled(app, street.id);
      expect(done.failures).toEqual([]);
      expect(done).toMatchObject({
        state: 'complete',
        annotationsFrom: 'per-image',
        failureCount: 0,
        items: { done: street.images.length, total: street.images.length },
      });
      const counted = proxy.counted();
      // One try at the export, no polls or links after it, then one counted request per image.
      expect(counted.filter((r) => r.path.startsWith(EXPORTS))).toEqual([{ method: 'POST', path: EXPORTS, status }]);
      const perImage = counted.filter((r) => /\/annotations\/[0-9a-f-]{36}$/.test(r.path));
      expect(perImage.map((r) => r.path.split('/').at(-1)).sort()).toEqual([...street.images].sort());
      expect(
        app.logs.some((l) => l.includes('annotations per image') && l.includes('the server offers no exports')),
      ).toBe(true);

      // Everything is here: the lists answer with the network gone, equal to the server's, ETag included.
      proxy.up = false;
      try {
        for (const imageId of street.images) {
          const doc = await app.ok('annotations:get', { imageId });
          const truth = await serverList(server, imageId);
          expect(doc.annotations).toEqual(truth.annotations);
          expect(doc.etag).toBe(truth.etag);
        }
      } finally {
        proxy.up = true;
      }
    },
  );
});
