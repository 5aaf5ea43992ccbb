import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PictographClient } from '../../../electron/services/client';
import type { ClientOptions } from '../../../electron/services/client';
import type { Dataset } from '../../../shared/api';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { failureOf } from './hostileClient';

let server: TestServer;
let street: Dataset;

/** A client against the real pictograph-local; `sleep` records instead of waiting. */
function clientFor(apiKey: string, extra: Partial<ClientOptions> = {}) {
  const slept: number[] = [];
  const client = new PictographClient({
    baseUrl: server.url,
    apiKey,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...extra,
  });
  return { client, slept };
}

async function injectFaults(status: number, count: number, pathPrefix?: string): Promise<void> {
  const res = await fetch(`${server.url}/__local/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': server.keys.owner },
    body: JSON.stringify({ status, count, ...(pathPrefix ? { path_prefix: pathPrefix } : {}) }),
  });
  expect(res.status).toBe(204);
}

async function firstImageId(client: PictographClient, filename: string): Promise<string> {
  const page = await client.listImages({ datasetId: street.id, limit: 1, offset: 0, filters: { filename } });
  return page.items[0]!.id;
}

beforeAll(async () => {
  server = await startTestServer();
  const datasets = await clientFor(server.keys.owner).client.listDatasets();
  street = datasets.find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await server?.close();
});

describe('PictographClient against pictograph-local', () => {
  it('tests the connection and records the quota', async () => {
    const states: unknown[] = [];
    const { client } = clientFor(server.keys.owner, { onRateLimit: (s) => states.push(s) });
    await client.testConnection();
    expect(client.rateLimit).toMatchObject({ limit: 5000 });
    expect(client.rateLimit!.remaining).toBeLessThan(5000);
    expect(client.rateLimit!.resetAt).toBeGreaterThan(Date.now());
    expect(states).toHaveLength(1);
  });

  it('reports a wrong key as invalid_api_key with the request id', async () => {
    const { client } = clientFor(`pk_live_${'x'.repeat(43)}`);
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({ code: 'invalid_api_key', status: 401 });
    expect(e.requestId).toMatch(/\S+/);
  });

  it('lists datasets and images with totals, filters and paging', async () => {
    const { client } = clientFor(server.keys.viewer);
    const datasets = await client.listDatasets();
    expect(datasets.map((d) => d.name)).toEqual(['Aerial Tiles', 'Empty Set', 'Street Scenes']);
    expect(await client.getDataset(street.id)).toMatchObject({ id: street.id, image_count: 12 });
    const page = await client.listImages({ datasetId: street.id, limit: 5, offset: 0 });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(12);
    const day = await client.listImages({
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { directoryPath: '/day' },
    });
    expect(day.total).toBe(4);
    const withArchived = await client.listImages({
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { includeArchived: true },
    });
    expect(withArchived.total).toBe(13);
    const ids: string[] = [];
    for await (const images of client.iterateImages({ datasetId: street.id, pageSize: 5 }))
      ids.push(...images.map((i) => i.id));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const lowConfidence = await client.listImages({
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { minConfidenceLt: 0.3 },
    });
    expect(lowConfidence.items.every((i) => i.min_confidence !== null && i.min_confidence < 0.3)).toBe(true);
    expect(await failureOf(() => client.getDataset('00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('reads metadata, image bytes with ETag/304, and thumbnails', async () => {
    const { client } = clientFor(server.keys.viewer);
    const id = await firstImageId(client, 'scene_005.jpg');
    const meta = await client.getImageMetadata(id, { includeAnnotations: true });
    expect(meta).toMatchObject({ filename: 'scene_005.jpg', width: 400, height: 300, mime_type: 'image/jpeg' });
    expect(meta.annotations?.length).toBeGreaterThan(0);
    const progress: number[] = [];
    const bytes = await client.getImageBytes(id, { onProgress: (received) => progress.push(received) });
    if (bytes.notModified) throw new Error('expected bytes');
    expect(bytes.contentType).toBe('image/jpeg');
    expect(bytes.bytes.byteLength).toBe(meta.file_size);
    expect(bytes.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(progress.at(-1)).toBe(meta.file_size);
    expect(await client.getImageBytes(id, { etag: bytes.etag })).toEqual({ notModified: true, etag: bytes.etag });
    const thumb = await client.getThumbnail(id);
    if (thumb.notModified) throw new Error('expected a thumbnail');
    expect(thumb.bytes.byteLength).toBeGreaterThan(0);
    expect(['image/jpeg', 'image/png']).toContain(thumb.contentType);
    expect(await failureOf(() => client.getThumbnail('00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'not_found',
    });
  });

  it('saves with If-Match, round-trips unknown fields, and reports a stale ETag as 412', async () => {
    const { client } = clientFor(server.keys.member);
    const id = await firstImageId(client, 'scene_001.png');
    const before = await client.getAnnotations(id);
    expect(before.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const road = before.annotations.find((a) => a.type === 'polygon')!;
    expect(road.extra).toEqual({ kept: 1 });
    const edited = [
      ...before.annotations,
      { id: 'new-car', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 4, h: 4 }, future_field: [1, 'two'] },
    ];
    const saved = await client.saveAnnotations(id, edited, { ifMatch: before.etag });
    expect(saved.result).toMatchObject({
      image_id: id,
      previous_count: before.annotations.length,
      new_count: edited.length,
    });
    expect(saved.etag).not.toBe(before.etag);
    const after = await client.getAnnotations(id);
    expect(after.etag).toBe(saved.etag);
    expect(after.annotations.find((a) => a.id === 'new-car')?.future_field).toEqual([1, 'two']);
    expect(after.annotations.find((a) => a.id === road.id)?.extra).toEqual({ kept: 1 });

    const e = await failureOf(() => client.saveAnnotations(id, before.annotations, { ifMatch: before.etag }));
    expect(e).toMatchObject({ code: 'precondition_failed', status: 412, details: { currentEtag: saved.etag } });
    expect((await client.getAnnotations(id)).annotations).toHaveLength(edited.length);
  });

  it('names the missing role when a viewer key tries to save or review', async () => {
    const { client } = clientFor(server.keys.viewer);
    const id = await firstImageId(client, 'scene_002.jpg');
    const save = await failureOf(() => client.saveAnnotations(id, [], { ifMatch: null }));
    expect(save).toMatchObject({
      code: 'forbidden',
      status: 403,
      details: { requiredRole: 'member', currentRole: 'viewer' },
    });
    expect(save.message).toBe('This needs the member role; your key is a viewer key.');
    expect(await failureOf(() => client.review(id, 'approve'))).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/member/),
    });
  });

  it('reviews an image', async () => {
    const { client } = clientFor(server.keys.member);
    const id = await firstImageId(client, 'scene_003.png');
    expect(await client.review(id, 'approve', 'looks right')).toMatchObject({ id, status: 'complete' });
    expect(await client.review(id, 'request_changes')).toMatchObject({ id, status: 'in_progress' });
  });

  it('gets a download listing whose signed URLs fetch the same bytes without the key', async () => {
    const { client } = clientFor(server.keys.viewer);
    const listing = await client.getDownloadListing(street.id, { mode: 'full', limit: 3 });
    expect(listing).toMatchObject({ dataset_id: street.id, total_items: 12, truncated: true });
    expect(listing.items).toHaveLength(3);
    const item = listing.items[0]!;
    const viaSigned = await client.fetchBodyUrl(item.image_url!);
    const viaApi = await client.getImageBytes(item.id);
    if (viaSigned.notModified || viaApi.notModified) throw new Error('expected bytes');
    expect(Buffer.from(viaSigned.bytes).equals(Buffer.from(viaApi.bytes))).toBe(true);
    const statusOnly = await client.getDownloadListing(street.id, {
      mode: 'annotations_only',
      statusFilter: 'complete',
    });
    expect(statusOnly.items.every((i) => i.status === 'complete' && i.image_url === null)).toBe(true);
  });

  it('retries injected 5xx bursts and succeeds', async () => {
    const { client, slept } = clientFor(server.keys.owner);
    await injectFaults(503, 2, '/datasets');
    expect((await client.listDatasets()).length).toBe(3);
    expect(slept).toEqual([1000, 2000]);
  });

  it('reports more faults than retries clearly, with the request id', async () => {
    const { client, slept } = clientFor(server.keys.owner);
    await injectFaults(500, 4, '/datasets');
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({ code: 'server_error', status: 500 });
    expect(e.message).toMatch(/HTTP 500/);
    expect(e.requestId).toMatch(/\S+/);
    expect(slept).toEqual([1000, 2000, 4000]);
    await clientFor(server.keys.owner).client.testConnection(); // all four faults were consumed
  });

  it('retries a save after an injected 502 and saves once', async () => {
    const { client, slept } = clientFor(server.keys.member);
    const id = await firstImageId(client, 'scene_006.png');
    const before = await client.getAnnotations(id);
    await injectFaults(502, 1, `/annotations/${id}`);
    const saved = await client.saveAnnotations(id, before.annotations.slice(0, 1), { ifMatch: before.etag });
    expect(slept).toEqual([1000]);
    expect(saved.result.new_count).toBe(1);
  });
});
