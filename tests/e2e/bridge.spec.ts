import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc';
import { closedPort } from '../support/ports';
import { STREET, startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * Issue 4's "done when", through the very bridge the renderer uses (app.api → page binding →
 * real router → real handlers → real client → a real pictograph-local over loopback).
 */
const value = <T>(result: IpcResult<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('the main-process API through the bridge', () => {
  let server: TestServer;
  let app: LaunchedApp;
  beforeAll(async () => {
    server = await startTestServer();
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('gives a precise message for a bad URL, an unreachable host and a wrong key', async () => {
    const badUrl = await app.api.connection.connect({ baseUrl: 'ftp://example.com', apiKey: server.keys.member });
    expect(badUrl).toMatchObject({
      ok: false,
      error: { code: 'bad_url', message: expect.stringMatching(/http:\/\/ or https:\/\//) },
    });

    const port = await closedPort();
    const unreachable = await app.api.connection.connect({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: server.keys.member,
    });
    expect(unreachable).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining(`127.0.0.1:${port}`) },
    });
    expect(unreachable.ok ? '' : unreachable.error.message).toMatch(/refused/);

    const wrongKey = await app.api.connection.connect({ baseUrl: server.url, apiKey: `pk_live_${'x'.repeat(43)}` });
    expect(wrongKey).toMatchObject({
      ok: false,
      error: { code: 'invalid_api_key', status: 401, requestId: expect.any(String) },
    });
    expect(value(await app.api.connection.status())).toMatchObject({ state: 'signed-out' });
  });

  it('connects a viewer key read-only and names the role a save needs', async () => {
    const status = value(await app.api.connection.connect({ baseUrl: server.url, apiKey: server.keys.viewer }));
    expect(status).toMatchObject({ state: 'connected', role: 'viewer', keyPrefix: server.keys.viewer.slice(0, 12) });
    const [dataset] = value(await app.api.datasets.list());
    const page = value(await app.api.images.page({ datasetId: dataset!.id, limit: 1, offset: 0 }));
    const doc = value(await app.api.annotations.get({ imageId: page.items[0]!.id }));
    const save = await app.api.annotations.save({
      imageId: doc.imageId,
      annotations: doc.annotations,
      ifMatch: doc.etag,
    });
    expect(save).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        status: 403,
        message: expect.stringContaining('member'),
        details: { requiredRole: 'member', currentRole: 'viewer' },
      },
    });
  });

  it('says when a rate-limited key may try again', async () => {
    const created = await fetch(`${server.url}/api/v1/api-keys/`, {
      method: 'POST',
      headers: { 'X-API-Key': server.keys.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'one per hour', role: 'member', rate_limit: 1 }),
    });
    const { key } = (await created.json()) as { key: string };
    // The first request (the connection test) spends the quota; the next is refused for ~an hour.
    await fetch(`${server.url}/api/v1/developer/datasets/?limit=1`, { headers: { 'X-API-Key': key } });
    const limited = await app.api.connection.connect({ baseUrl: server.url, apiKey: key });
    expect(limited).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', status: 429, details: { retryAfterSeconds: expect.any(Number) } },
    });
    if (!limited.ok) expect(limited.error.message).toMatch(/minute|hour|second/);
  });

  it('lists datasets, pages images with filters, and reads and saves annotations keeping unknown fields', async () => {
    value(await app.api.connection.connect({ baseUrl: server.url, apiKey: server.keys.member }));
    const datasets = value(await app.api.datasets.list());
    const street = datasets.find((d) => d.name === STREET)!;
    expect(value(await app.api.datasets.get({ datasetId: street.id }))).toMatchObject({ id: street.id, name: STREET });

    const first = value(await app.api.images.page({ datasetId: street.id, limit: 2, offset: 0 }));
    const second = value(await app.api.images.page({ datasetId: street.id, limit: 2, offset: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(street.image_count);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    const complete = value(
      await app.api.images.page({ datasetId: street.id, limit: 100, offset: 0, filters: { status: 'complete' } }),
    );
    expect(complete.items.every((i) => i.status === 'complete')).toBe(true);

    const image = first.items[0]!;
    const doc = value(await app.api.annotations.get({ imageId: image.id }));
    const added = {
      id: 'bridge-1',
      name: street.classes[0]!.name,
      type: 'bbox',
      bounding_box: { x: 1, y: 2, w: 30, h: 40 },
      vendor_field: { keep: [1, 2] },
    };
    const saved = value(
      await app.api.annotations.save({
        imageId: image.id,
        annotations: [...doc.annotations, added],
        ifMatch: doc.etag,
      }),
    );
    expect(saved).toMatchObject({ imageId: image.id, newCount: doc.annotations.length + 1, etag: expect.any(String) });

    const reread = value(await app.api.annotations.get({ imageId: image.id }));
    expect(reread.etag).toBe(saved.etag);
    expect(reread.annotations.find((a) => a.id === 'bridge-1')).toMatchObject({
      vendor_field: { keep: [1, 2] },
      confidence: 1,
    });
    // Annotations we did not touch come back exactly as they were, unknown fields included.
    for (const before of doc.annotations) expect(reread.annotations.find((a) => a.id === before.id)).toEqual(before);

    // A colleague saves in between (straight through the API, another key). A save based on the
    // ETag from before is not a 412 any more but a three-way merge (docs/offline.md): their
    // annotation and ours both survive, nothing is silently overwritten.
    const colleagueBox = {
      id: 'colleague-1',
      name: street.classes[0]!.name,
      type: 'bbox',
      bounding_box: { x: 5, y: 5, w: 9, h: 9 },
    };
    const colleague = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      method: 'POST',
      headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json', 'If-Match': saved.etag! },
      body: JSON.stringify({ annotations: [...reread.annotations, colleagueBox] }),
    });
    expect(colleague.status).toBe(200);
    const mine = { ...added, id: 'bridge-2' };
    const stale = value(
      await app.api.annotations.save({
        imageId: image.id,
        annotations: [...reread.annotations, mine],
        ifMatch: saved.etag,
      }),
    );
    expect(stale).toMatchObject({ state: 'synced', merged: true });
    const afterMerge = value(await app.api.annotations.get({ imageId: image.id }));
    expect(afterMerge.annotations.map((a) => a.id)).toEqual(
      expect.arrayContaining(['bridge-1', 'colleague-1', 'bridge-2']),
    );

    const reviewed = value(await app.api.review.submit({ imageId: image.id, action: 'approve' }));
    expect(reviewed).toMatchObject({ imageId: image.id, status: 'complete', storedLocally: false });
  });

  it('serves image bytes to the page by the URL main hands out', async () => {
    const [dataset] = value(await app.api.datasets.list());
    const page = value(await app.api.images.page({ datasetId: dataset!.id, limit: 1, offset: 0 }));
    const { url } = value(await app.api.media.url({ imageId: page.items[0]!.id, variant: 'thumbnail' }));
    const size = await app.page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, url);
    expect(Math.max(size.width, size.height)).toBeGreaterThan(0);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(256);
    expect(app.blockedRequests).toEqual([]);
  });

  it('never hands the key to the renderer', async () => {
    const seen = JSON.stringify({
      status: await app.api.connection.status(),
      profiles: await app.api.connection.profiles(),
      events: app.events,
    });
    for (const key of Object.values(server.keys)) expect(seen).not.toContain(key);
  });
});
