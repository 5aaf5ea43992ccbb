import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import type { TestServer } from '../../support/server';
import { STREET, startTestServer } from '../../support/server';
import { edited, resetImage, serverList, streetImagesWith } from '../sync/support/sync';
import { datasetsOf } from './support/datasets';
import { startOfflineApp, untilSettled } from './support/offlineApp';
import { startRecordingProxy } from './support/recordingProxy';
import type { RecordingProxy } from './support/recordingProxy';

let server: TestServer;
let proxy: RecordingProxy;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startRecordingProxy(server.url);
  dir = await mkdtemp(join(tmpdir(), 'offline-queued-'));
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The catalog's own copy of an image's list, read from the real cache.db (what an edit is based on). */
function catalogDoc(userDataDir: string, imageId: string): { etag: string | null; annotations: Annotation[] } | null {
  const db = new DatabaseSync(join(userDataDir, 'catalog', 'cache.db'), { readOnly: true });
  try {
    const row = db.prepare('SELECT etag, json FROM annotation_docs WHERE image_id = ?').get(imageId) as
      { etag: string | null; json: string } | undefined;
    return row ? { etag: row.etag, annotations: JSON.parse(row.json) as Annotation[] } : null;
  } finally {
    db.close();
  }
}

/** A colleague's save straight to pictograph-local (owner key), changing one annotation. */
async function colleagueEdits(imageId: string, ifMatch: string, change: (list: Annotation[]) => Annotation[]) {
  const { annotations } = await serverList(server, imageId);
  const res = await fetch(`${server.url}/api/v1/developer/annotations/${imageId}`, {
    method: 'POST',
    headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json', 'If-Match': ifMatch },
    body: JSON.stringify({ annotations: change(annotations) }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('etag')!;
}

describe('taking a dataset offline leaves images with queued edits alone (docs/offline.md "Queued edits win")', () => {
  it('the export does not replace the queued edit’s base in the catalog; the edit lands after sync, merged', async () => {
    const street = (await datasetsOf(server))[STREET]!;
    const [mine, other] = await streetImagesWith(server, 1);
    const base = await resetImage(server, mine!);
    await resetImage(server, other!);
    const app = await startOfflineApp(dir);
    try {
      await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const doc = await app.ok('annotations:get', { imageId: mine! });
      expect(doc.etag).toBe(base);

      // The server refuses the send for now (a failing gateway): the edit stays queued on this computer.
      const savePath = `/api/v1/developer/annotations/${mine}`;
      proxy.inject = (method, path) =>
        method === 'POST' && path === savePath
          ? { status: 503, body: { code: 'service_unavailable', message: 'Try later.' } }
          : null;
      const myList = [edited(doc.annotations[0]!, 'mine'), ...doc.annotations.slice(1)];
      const saved = await app.ok('annotations:save', { imageId: mine!, annotations: myList, ifMatch: doc.etag });
      expect(saved).toMatchObject({ durable: true, synced: false, state: 'queued' });

      // Meanwhile a colleague changes another annotation: the export will carry their version.
      const theirs = await colleagueEdits(mine!, base, (list) => [
        list[0]!,
        edited(list[1]!, 'theirs'),
        ...list.slice(2),
      ]);
      expect(theirs).not.toBe(base);

      await app.ok('offline:enable', { datasetId: street.id });
      const status = await untilSettled(app, street.id);
      expect(status).toMatchObject({ state: 'complete', annotationsFrom: 'export', failureCount: 0 });

      // The image with the queued edit: the catalog still holds the list the edit started from (its
      // first read is written a moment after the answer: AnnotationRepo.putSoon)…
      await expect
        .poll(() => catalogDoc(dir, mine!), { timeout: 5_000 })
        .toEqual({ etag: base, annotations: doc.annotations });
      // …and the app shows the queued edit, based on that ETag.
      const shown = await app.ok('annotations:get', { imageId: mine! });
      expect(shown).toMatchObject({ local: 'queued', etag: base });
      expect(shown.annotations).toEqual(myList);
      // An image without queued edits took the export's version, which is the server's.
      const otherTruth = await serverList(server, other!);
      expect(catalogDoc(dir, other!)).toEqual({ etag: otherTruth.etag, annotations: otherTruth.annotations });

      // The server takes saves again: the queued edit lands, merged with the colleague's change.
      proxy.inject = null;
      const after = await app.ok('sync:flush', {});
      expect(after).toMatchObject({ queued: 0, failed: 0, conflicts: 0 });
      const landed = await serverList(server, mine!);
      expect(landed.annotations.map((a) => (a as { edit_mark?: string }).edit_mark ?? null)).toEqual([
        'mine',
        'theirs',
        null,
        null,
      ]);
      const final = await app.ok('annotations:get', { imageId: mine! });
      expect(final.local).toBeUndefined();
      expect(final.annotations).toEqual(landed.annotations);
      expect(catalogDoc(dir, mine!)?.etag).toBe(landed.etag);
    } finally {
      proxy.inject = null;
      await app.core.dispose();
    }
  });
});
