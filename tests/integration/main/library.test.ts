import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/api';
import type { RateLimitState } from '../../../shared/ipc';
import { ARCHIVED_FILENAME, STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import { startProxy } from './support/proxy';
import type { CoreHarness } from './support/coreHarness';

let server: TestServer;
let main: CoreHarness;
let street: Dataset;

beforeAll(async () => {
  server = await startTestServer();
  main = await startCore();
  await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
  street = (await main.ok('datasets:list', {})).find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await main?.dispose();
  await server?.close();
});

const firstImageWithAnnotations = async () => {
  const page = await main.ok('images:page', { datasetId: street.id, limit: 100, offset: 0 });
  return page.items.find((i) => i.annotation_count > 1)!;
};

describe('datasets and images', () => {
  it('lists every dataset and gets one', async () => {
    const all = await main.ok('datasets:list', {});
    expect(all.map((d) => d.name)).toEqual(['Aerial Tiles', 'Empty Set', 'Street Scenes']);
    expect(await main.ok('datasets:get', { datasetId: street.id })).toMatchObject({
      id: street.id,
      name: STREET,
      classes: expect.any(Array),
    });
    expect(await main.call('datasets:get', { datasetId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', status: 404 },
    });
  });

  it('pages images with limit, offset and a total', async () => {
    const whole = await main.ok('images:page', { datasetId: street.id, limit: 1000, offset: 0 });
    expect(whole.total).toBe(12); // the archived image is hidden
    expect(whole.items).toHaveLength(12);
    const first = await main.ok('images:page', { datasetId: street.id, limit: 5, offset: 0 });
    const second = await main.ok('images:page', { datasetId: street.id, limit: 5, offset: 5 });
    const last = await main.ok('images:page', { datasetId: street.id, limit: 5, offset: 10 });
    expect([first.total, second.total, last.total]).toEqual([12, 12, 12]);
    expect([...first.items, ...second.items, ...last.items].map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect((await main.ok('images:page', { datasetId: street.id, limit: 0, offset: 0 })).items).toEqual([]);
    expect((await main.ok('images:page', { datasetId: street.id, limit: 5, offset: 500 })).items).toEqual([]);
  });

  it('filters by status, folder, filename, confidence and archived', async () => {
    const complete = await main.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { status: 'complete' },
    });
    expect(complete.items.length).toBeGreaterThan(0);
    expect(complete.items.every((i) => i.status === 'complete')).toBe(true);
    const day = await main.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { directoryPath: '/day' },
    });
    expect(day.total).toBe(4);
    expect(day.items.every((i) => i.directory_path === '/day')).toBe(true);
    const one = await main.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { filename: 'scene_005.jpg' },
    });
    expect(one.items.map((i) => i.filename)).toEqual(['scene_005.jpg']);
    const unsure = await main.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { minConfidenceLt: 0.5 },
    });
    expect(unsure.items.length).toBeGreaterThan(0);
    expect(unsure.items.every((i) => i.min_confidence !== null && i.min_confidence < 0.5)).toBe(true);
    const withArchived = await main.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { includeArchived: true },
    });
    expect(withArchived.total).toBe(13);
    expect(withArchived.items.find((i) => i.filename === ARCHIVED_FILENAME)?.is_archived).toBe(true);
  });

  it('reads image metadata', async () => {
    const image = await firstImageWithAnnotations();
    expect(await main.ok('images:metadata', { imageId: image.id })).toMatchObject({
      id: image.id,
      dataset_id: street.id,
      filename: image.filename,
    });
    expect(await main.call('images:metadata', { imageId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('annotations', () => {
  it('round-trips a save with unknown fields and unknown keys preserved, with a new ETag', async () => {
    const image = await firstImageWithAnnotations();
    const doc = await main.ok('annotations:get', { imageId: image.id });
    expect(doc.etag).toMatch(/^"?[0-9a-f]{64}"?$/);
    const withExtras = doc.annotations.map((a, i) => ({
      ...a,
      review_note: `checked ${i}`,
      nested: { deep: [1, { x: 'y' }] },
      // The fixture's polygons carry an unknown `extra` key (§7.3's example): the save replaces it
      // with a new value, which must survive the client's canonicalisation of polygons.
      ...(a.type === 'polygon' ? { extra: { edited: i, was: a.extra } } : {}),
    }));
    withExtras.push({
      id: 'new-car',
      name: 'car',
      type: 'bbox',
      bounding_box: { x: 1, y: 2, w: 3, h: 4 },
      confidence: 0.25,
      vendor_blob: { a: 1 },
    } as never);
    const saved = await main.ok('annotations:save', { imageId: image.id, annotations: withExtras, ifMatch: doc.etag });
    expect(saved).toMatchObject({
      imageId: image.id,
      previousCount: doc.annotations.length,
      newCount: withExtras.length,
    });
    expect(saved.etag).not.toBe(doc.etag);
    const reread = await main.ok('annotations:get', { imageId: image.id });
    expect(reread.etag).toBe(saved.etag);
    expect(reread.annotations.map((a) => [a.id, a.review_note, a.nested])).toEqual(
      withExtras.map((a) => [a.id, a.review_note, a.nested]),
    );
    expect(reread.annotations.find((a) => a.id === 'new-car')).toMatchObject({
      vendor_blob: { a: 1 },
      confidence: 0.25,
    });
    const road = reread.annotations.find((a) => a.type === 'polygon');
    expect(road, 'the fixture image should carry a polygon').toBeDefined();
    const before = doc.annotations.find((a) => a.id === road!.id)!;
    expect(before.extra).toEqual({ kept: expect.any(Number) });
    expect(road).toMatchObject({
      extra: { edited: doc.annotations.indexOf(before), was: before.extra },
      attributes: before.attributes,
    });
  });

  it('a save based on a stale ETag is merged with what the server now holds (the outbox, issue 10)', async () => {
    const image = await firstImageWithAnnotations();
    const doc = await main.ok('annotations:get', { imageId: image.id });
    // A colleague deletes the first annotation (straight through the API, another key).
    const colleague = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      method: 'POST',
      headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' },
      body: JSON.stringify({ annotations: doc.annotations.slice(1) }),
    });
    expect(colleague.status).toBe(200);
    // Based on the old ETag: its one change (an added box) merges with their deletion (412 → re-read → merge).
    const added = { id: 'stale-add', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 2, h: 2 } };
    const stale = await main.ok('annotations:save', {
      imageId: image.id,
      annotations: [...doc.annotations, added],
      ifMatch: doc.etag,
    });
    expect(stale).toMatchObject({ durable: true, synced: true, state: 'synced', merged: true });
    const merged = await main.ok('annotations:get', { imageId: image.id });
    expect(merged.etag).toBe(stale.etag);
    expect(merged.annotations.map((a) => a.id)).toEqual([...doc.annotations.slice(1).map((a) => a.id), 'stale-add']);
    // ifMatch null is the user's explicit "overwrite".
    expect(
      await main.ok('annotations:save', { imageId: image.id, annotations: doc.annotations, ifMatch: null }),
    ).toMatchObject({ newCount: doc.annotations.length, synced: true });
  });

  it('checks the dataset rules before sending: validation_error with problems, nothing saved', async () => {
    const image = await firstImageWithAnnotations();
    const before = await main.ok('annotations:get', { imageId: image.id });
    const bad = [
      { id: 'x1', name: 'unicorn', type: 'bbox', bounding_box: { x: 0, y: 0, w: 5, h: 5 } },
      { id: 'x2', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 0, h: 5 } },
    ];
    const result = await main.call('annotations:save', { imageId: image.id, annotations: bad, ifMatch: before.etag });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation_error', message: expect.stringMatching(/^Not saved: 2 problems/) },
    });
    if (!result.ok) {
      expect(result.error.details?.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ index: 0, field: 'name' }),
          expect.objectContaining({ index: 1, field: 'bounding_box.w' }),
        ]),
      );
    }
    expect((await main.ok('annotations:get', { imageId: image.id })).etag).toBe(before.etag);
  });
});

describe('review', () => {
  it('approves through the server route', async () => {
    const image = await firstImageWithAnnotations();
    expect(await main.ok('review:submit', { imageId: image.id, action: 'approve', note: 'fine' })).toEqual({
      imageId: image.id,
      status: 'complete',
      storedLocally: false,
    });
    expect((await main.ok('images:metadata', { imageId: image.id })).status).toBe('complete');
    expect(await main.ok('review:submit', { imageId: image.id, action: 'request_changes' })).toMatchObject({
      status: 'in_progress',
      storedLocally: false,
    });
  });

  it('a missing image is not_found, not a local decision', async () => {
    const result = await main.call('review:submit', {
      imageId: '00000000-0000-4000-8000-000000000000',
      action: 'approve',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('rate limit state, retries and faults', () => {
  it('reports the quota from the last answer and emits event:rate-limit', async () => {
    await main.ok('datasets:list', { refresh: true });
    const state = (await main.ok('rateLimit:get', {})) as RateLimitState | null;
    expect(state).toMatchObject({
      limit: 5000,
      remaining: expect.any(Number),
      resetAt: expect.any(Number),
      observedAt: expect.any(Number),
    });
    expect(state!.remaining).toBeLessThan(5000);
    const events = main.events.filter((e) => e.name === 'event:rate-limit');
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)?.payload).toEqual(state);
  });

  it('a burst of 5xx is retried through the handler', async () => {
    const inject = await fetch(`${server.url}/__local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 2 }),
    });
    expect(inject.status).toBe(204);
    expect((await main.ok('datasets:list', { refresh: true })).length).toBe(3);
  });

  it('a longer 5xx burst than the retries allow surfaces as a clear error and leaves the session connected', async () => {
    await fetch(`${server.url}/__local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 500, count: 10 }),
    });
    // The user's refresh is the path that asks the server and must fail visibly.
    const result = await main.call('datasets:list', { refresh: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'server_error', status: 500, message: expect.stringMatching(/server failed \(HTTP 500\)/) },
    });
    await fetch(`${server.url}/__local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 500, count: 1, path_prefix: '/nothing' }),
    });
    // Drain what is left of the burst so later tests see a healthy server.
    for (let i = 0; i < 10 && !(await main.call('datasets:list', { refresh: true })).ok; i++);
    expect((await main.ok('connection:status', {})).state).toBe('connected');
  });
});

describe('429 with Retry-After through a handler', () => {
  it('waits the server-given seconds and then succeeds', async () => {
    const limited = await startTestServer({ testMode: { rateLimitWindowMs: 3_000 }, rateLimit: 5 });
    const proxy = await startProxy(limited.url);
    // Real sleeps here: the wait must actually pass for the window to free a slot.
    const h = await startCore({ client: { random: () => 1 } });
    try {
      await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: limited.keys.member });
      // Spend the rest of the window behind the client's back, so its next request meets a 429.
      for (let i = 0; i < 4; i++)
        await fetch(`${limited.url}/api/v1/developer/datasets/`, { headers: { 'X-API-Key': limited.keys.member } });
      const datasets = await h.ok('datasets:list', {});
      expect(datasets.length).toBe(3);
      const statuses = proxy.requests.map((r) => r.status);
      expect(statuses).toContain(429);
      expect(statuses.at(-1)).toBe(200);
    } finally {
      await h.dispose();
      await proxy.close();
      await limited.close();
    }
  });
});
