import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImageMeta } from '../../../shared/api';
import type { CatalogIndexStatus } from '../../../shared/ipc';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';
import { startProxy } from './support/proxy';
import type { RecordingProxy } from './support/proxy';

const API = '/api/v1/developer';
let server: TestServer;
let proxy: RecordingProxy;
let h: CoreHarness;
let street: Dataset;

/** The server behind main's back: what a colleague's client would do. */
async function owner(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.url}${API}${path}`, {
    method,
    headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return res.json();
}

/** Refreshes and waits for that run's final progress event (every run ends with one). */
async function indexed(datasetId: string, force = false): Promise<CatalogIndexStatus> {
  const seen = h.events.length;
  await h.ok('catalog:refresh', { datasetId, force });
  const final = () =>
    h.events
      .slice(seen)
      .map((e) => (e.name === 'event:catalog-index' ? (e.payload as CatalogIndexStatus) : null))
      .find((p) => p !== null && p.datasetId === datasetId && (p.state === 'ready' || p.state === 'error'));
  await expect.poll(() => final() !== undefined, { timeout: 20_000 }).toBe(true);
  return h.ok('catalog:status', { datasetId });
}

const apiRequests = () => proxy.requests.filter((r) => r.path.startsWith(API));

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startProxy(server.url);
  h = await startCore({ catalogRevalidateAfterMs: 0 });
  await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
  street = (await h.ok('datasets:list', {})).find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await h?.dispose();
  await proxy?.close();
  await server?.close();
});

describe('indexing a dataset', () => {
  it('pages the images into the catalog with progress events, then answers queries locally', async () => {
    const before = (await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 })).index;
    expect(before.state).toBe('idle');
    const status = await indexed(street.id);
    expect(status).toMatchObject({ state: 'ready', indexed: 12, total: 12, error: null });
    expect(status.indexedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    const progress = h.events
      .filter((e) => e.name === 'event:catalog-index')
      .map((e) => e.payload as CatalogIndexStatus);
    expect(progress[0]).toMatchObject({ datasetId: street.id, state: 'indexing' });
    expect(progress.at(-1)).toMatchObject({ state: 'ready', indexed: 12 });
    expect(h.events.some((e) => e.name === 'event:catalog-changed')).toBe(true);

    const server12 = (await owner('GET', `/images/?dataset_id=${street.id}&limit=100`)) as ImageMeta[];
    const requestsBefore = apiRequests().length;
    const page = await h.ok('catalog:query', {
      datasetId: street.id,
      query: { sort: 'confidence' },
      offset: 0,
      limit: 100,
    });
    expect(page.total).toBe(12);
    const expected = [...server12].sort((a, b) => {
      if ((a.min_confidence === null) !== (b.min_confidence === null)) return a.min_confidence === null ? 1 : -1;
      const byConfidence = (a.min_confidence ?? 0) - (b.min_confidence ?? 0);
      if (byConfidence !== 0) return byConfidence;
      return a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : a.id < b.id ? -1 : 1;
    });
    expect(page.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    const folders = await h.ok('catalog:folders', { datasetId: street.id });
    expect(folders.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '/', count: 4 },
      { path: '/day', count: 4 },
      { path: '/night', count: 4 },
    ]);
    const second = expected[1]!.id;
    expect(
      await h.ok('catalog:position', { datasetId: street.id, query: { sort: 'confidence' }, imageId: second, span: 1 }),
    ).toEqual({
      position: 1,
      total: 12,
      before: [expected[0]!.id],
      after: [expected[2]!.id],
    });
    // Queries spent no request.
    expect(apiRequests().length).toBe(requestsBefore);
  });

  it('does not re-index an unchanged dataset (one request), and re-indexes when updated_at moved', async () => {
    const start = apiRequests().length;
    const unchanged = await indexed(street.id);
    expect(unchanged.state).toBe('ready');
    expect(
      apiRequests()
        .slice(start)
        .map((r) => r.path.split('?')[0]),
    ).toEqual([`${API}/datasets/${street.id}`]);

    const server12 = (await owner('GET', `/images/?dataset_id=${street.id}&limit=100`)) as ImageMeta[];
    const target = server12.find((i) => i.annotation_count === 0)!;
    await owner('POST', `/annotations/${target.id}`, {
      annotations: [
        { id: 'n1', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 2, h: 2 }, confidence: 0.01 },
      ],
    });
    const changedAt = apiRequests().length;
    await indexed(street.id);
    expect(
      apiRequests()
        .slice(changedAt)
        .map((r) => r.path.split('?')[0]),
    ).toEqual([`${API}/datasets/${street.id}`, `${API}/images/`]);
    const lowest = await h.ok('catalog:query', {
      datasetId: street.id,
      query: { sort: 'confidence' },
      offset: 0,
      limit: 1,
    });
    expect(lowest.items[0]).toMatchObject({ id: target.id, min_confidence: 0.01, annotation_count: 1 });
  });

  it('removes images that vanished from the server on a complete re-index', async () => {
    const server12 = (await owner('GET', `/images/?dataset_id=${street.id}&limit=100`)) as ImageMeta[];
    const doomed = server12.find((i) => i.filename === 'scene_011.jpg') ?? server12.at(-1)!;
    await owner('DELETE', `/images/${doomed.id}?permanent=true`);
    const status = await indexed(street.id);
    expect(status).toMatchObject({ state: 'ready', total: 11 });
    const all = await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
    expect(all.items.map((i) => i.id)).not.toContain(doomed.id);
  });

  it('a second refresh while one runs joins it (one index, not two)', async () => {
    const start = apiRequests().length;
    const [a, b] = await Promise.all([
      h.ok('catalog:refresh', { datasetId: street.id, force: true }),
      h.ok('catalog:refresh', { datasetId: street.id, force: true }),
    ]);
    expect([a.state, b.state]).toEqual(['indexing', 'indexing']);
    await indexed(street.id);
    const datasetReads = apiRequests()
      .slice(start)
      .filter((r) => r.path.startsWith(`${API}/datasets/${street.id}`));
    // The pair and the wait's own refresh (still running, so it joined too): one run, one dataset read.
    expect(datasetReads).toHaveLength(1);
  });
});

describe('read-through and revalidation', () => {
  it('answers metadata and annotations from the catalog at once, then revalidates and announces the change', async () => {
    const page = await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
    const image = page.items.find((i) => i.annotation_count > 0)!;
    const doc = await h.ok('annotations:get', { imageId: image.id });
    expect(doc.etag).toEqual(expect.stringMatching(/^"?[0-9a-f]{64}"?$/));

    // A colleague saves behind our back.
    const changed = [
      ...doc.annotations,
      { id: 'extra', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 3, h: 3 } },
    ];
    await owner('POST', `/annotations/${image.id}`, { annotations: changed });
    const seen = h.events.length;
    const cached = await h.ok('annotations:get', { imageId: image.id });
    expect(cached.etag).toBe(doc.etag); // the catalog's answer, at once
    const meta = await h.ok('images:metadata', { imageId: image.id });
    expect(meta.annotation_count).toBe(image.annotation_count);
    await expect
      .poll(
        () =>
          h.events
            .slice(seen)
            .filter((e) => e.name === 'event:catalog-changed')
            .map((e) => e.payload),
        { timeout: 10_000 },
      )
      .toEqual(
        expect.arrayContaining([
          { datasetId: street.id, kind: 'annotations', imageId: image.id },
          { datasetId: street.id, kind: 'images', imageId: image.id },
        ]),
      );
    const fresh = await h.ok('annotations:get', { imageId: image.id });
    expect(fresh.etag).not.toBe(doc.etag);
    expect(fresh.annotations.map((a) => a.id)).toContain('extra');
    expect((await h.ok('images:metadata', { imageId: image.id })).annotation_count).toBe(changed.length);
    // The class filter sees the cached document.
    const withCar = await h.ok('catalog:query', {
      datasetId: street.id,
      query: { classNames: ['car'] },
      offset: 0,
      limit: 100,
    });
    expect(withCar.items.map((i) => i.id)).toContain(image.id);
  });

  it('a save updates the cached document, its classes and the image counts once the server accepted it', async () => {
    const page = await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
    const image = page.items.find((i) => i.annotation_count === 0)!;
    const doc = await h.ok('annotations:get', { imageId: image.id });
    const list = [{ id: 'k1', name: 'head', type: 'keypoint', keypoint: { x: 1, y: 2 }, confidence: 0.2 }];
    const saved = await h.ok('annotations:save', { imageId: image.id, annotations: list, ifMatch: doc.etag });
    const cached = await h.ok('annotations:get', { imageId: image.id });
    expect(cached.etag).toBe(saved.etag);
    expect(cached.annotations).toMatchObject(list);
    const heads = await h.ok('catalog:query', {
      datasetId: street.id,
      query: { classNames: ['head'], confidenceBelow: 0.3 },
      offset: 0,
      limit: 100,
    });
    expect(heads.items.find((i) => i.id === image.id)).toMatchObject({ annotation_count: 1, min_confidence: 0.2 });
  });

  it('images:page comes from the catalog once the dataset is indexed, with the API\u2019s own semantics', async () => {
    const fromServer = (await owner(
      'GET',
      `/images/?dataset_id=${street.id}&directory_path=/day&limit=100`,
    )) as ImageMeta[];
    const start = apiRequests().length;
    const page = await h.ok('images:page', {
      datasetId: street.id,
      limit: 100,
      offset: 0,
      filters: { directoryPath: '/day' },
    });
    expect(page.items.map((i) => i.id)).toEqual(fromServer.map((i) => i.id));
    expect(page.total).toBe(fromServer.length);
    // Only the background check of the dataset's updated_at went out, no image page.
    await h.ok('app:info', {});
    expect(
      apiRequests()
        .slice(start)
        .filter((r) => r.path.startsWith(`${API}/images/`)),
    ).toEqual([]);
  });
});

describe('hostile data', () => {
  it('a garbage page fails the index with a clear error and keeps what the catalog had', async () => {
    proxy.rules.push({ method: 'GET', path: /\/images\/$/, status: 200, body: '{"data": "not a list"' });
    try {
      const status = await indexed(street.id, true);
      expect(status).toMatchObject({ state: 'error', error: { code: 'bad_response' } });
      expect(status.error!.message).toMatch(/unexpected response/);
      const all = await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
      expect(all.total).toBe(11);
      expect(h.logs.some((l) => l.includes('Catalog index failed'))).toBe(true);
    } finally {
      proxy.rules.length = 0;
    }
    expect(await indexed(street.id, true)).toMatchObject({ state: 'ready', error: null });
  });

  it('stores odd but valid rows and refuses rows of another dataset, counting them', async () => {
    const base = (await owner('GET', `/images/?dataset_id=${street.id}&limit=1`)) as ImageMeta[];
    const row = (patch: Record<string, unknown>) => ({ ...base[0], ...patch });
    const rows = [
      row({ id: 'long', filename: `${'n'.repeat(251)}.png` }),
      row({ id: 'deep', directory_path: `/${'d/'.repeat(511)}d`.slice(0, 1024) }),
      row({ id: 'nosize', width: null, height: null }),
      row({ id: 'odd', status: 'needs_second_opinion' }),
      row({ id: 'stray', dataset_id: 'another-dataset' }),
    ];
    proxy.rules.push({ method: 'GET', path: /\/images\/$/, status: 200, body: JSON.stringify(rows) });
    try {
      const status = await indexed(street.id, true);
      expect(status).toMatchObject({ state: 'ready', indexed: 4, skipped: 1, total: 4 });
    } finally {
      proxy.rules.length = 0;
    }
    const all = await h.ok('catalog:query', { datasetId: street.id, query: {}, offset: 0, limit: 100 });
    expect(all.items.map((i) => i.id).sort()).toEqual(['deep', 'long', 'nosize', 'odd']);
    expect(all.items.find((i) => i.id === 'odd')?.status).toBe('needs_second_opinion');
    expect(
      await h.ok('catalog:query', {
        datasetId: street.id,
        query: { statuses: ['new', 'in_progress', 'complete'] },
        offset: 0,
        limit: 100,
      }),
    ).toMatchObject({ total: 3 });
    // The real server's rows come back on the next complete index.
    expect(await indexed(street.id, true)).toMatchObject({ state: 'ready', total: 11 });
  });
});
