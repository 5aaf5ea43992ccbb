import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageMeta } from '../../../shared/api';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';
import { startProxy } from './support/proxy';
import type { RecordingProxy } from './support/proxy';

let server: TestServer;
let proxy: RecordingProxy;
let images: ImageMeta[];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startProxy(server.url);
  const probe = await startCore();
  await probe.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
  const street = (await probe.ok('datasets:list', {})).find((d) => d.name === STREET)!;
  images = (await probe.ok('images:page', { datasetId: street.id, limit: 100, offset: 0 })).items;
  await probe.dispose();
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

const byName = (filename: string): ImageMeta => images.find((i) => i.filename === filename)!;
const requestsFor = (path: string) => proxy.requests.filter((r) => r.path.split('?')[0] === path);
const api = '/api/v1/developer';

describe('media: full images', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCore();
    await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
  });
  afterAll(async () => h.dispose());

  it('fetches once, then serves from the cache without asking again', async () => {
    const image = byName('scene_001.png');
    const first = await h.media(image.id, 'full');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    const meta = await sharp(first.body!).metadata();
    expect([meta.width, meta.height]).toEqual([image.width, image.height]);
    const second = await h.media(image.id, 'full');
    expect(second.status).toBe(200);
    expect(Buffer.from(second.body!).equals(Buffer.from(first.body!))).toBe(true);
    expect(requestsFor(`${api}/images/${image.id}`)).toHaveLength(1);
  });

  it("answers the renderer's own If-None-Match with 304", async () => {
    const image = byName('scene_001.png');
    const { headers } = await h.media(image.id, 'full');
    const again = await h.media(image.id, 'full', { 'If-None-Match': headers.etag! });
    expect(again).toMatchObject({ status: 304, body: null });
  });

  it('unknown images are 404, and nothing throws', async () => {
    expect((await h.media('00000000-0000-4000-8000-000000000000', 'full')).status).toBe(404);
    expect((await h.media('not-even-a-uuid', 'thumbnail')).status).toBe(404);
  });
});

describe('media: revalidation and offline', () => {
  it('revalidates with If-None-Match (304 → cached bytes), and serves the cache when the server is gone', async () => {
    const own = await startTestServer();
    const ownProxy = await startProxy(own.url);
    const h = await startCore({ mediaFreshForMs: 0 });
    try {
      await h.ok('connection:connect', { baseUrl: ownProxy.url, apiKey: own.keys.member });
      const street = (await h.ok('datasets:list', {})).find((d) => d.name === STREET)!;
      const image = (await h.ok('images:page', { datasetId: street.id, limit: 1, offset: 0 })).items[0]!;
      const first = await h.media(image.id, 'full');
      const second = await h.media(image.id, 'full');
      expect(second.status).toBe(200);
      expect(Buffer.from(second.body!).equals(Buffer.from(first.body!))).toBe(true);
      const fetches = ownProxy.requests.filter((r) => r.path === `${api}/images/${image.id}`);
      expect(fetches.map((r) => r.status)).toEqual([200, 304]);
      // The cache is on disk, content-addressed.
      const hash = createHash('sha256').update(first.body!).digest('hex');
      expect(await readdir(join(h.userDataDir, 'catalog', 'blobs', hash.slice(0, 2)))).toContain(hash);
      await ownProxy.close();
      const offline = await h.media(image.id, 'full');
      expect(offline.status).toBe(200);
      expect(Buffer.from(offline.body!).equals(Buffer.from(first.body!))).toBe(true);
      expect((await h.ok('connection:status', {})).state).toBe('offline');
      // Not cached and offline: a clear 503, not a crash.
      const notCached = await h.media(image.id, 'thumbnail');
      expect(notCached.status).toBe(503);
      expect(Buffer.from(notCached.body!).toString()).toMatch(/Could not reach/);
    } finally {
      await h.dispose();
      await ownProxy.close();
      await own.close();
    }
  });
});

describe('media: thumbnails', () => {
  it('come from the server route when it has one', async () => {
    const h = await startCore();
    try {
      await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const big = byName('scene_005.jpg');
      const thumb = await h.media(big.id, 'thumbnail');
      expect(thumb.status).toBe(200);
      const meta = await sharp(thumb.body!).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(256);
      expect(requestsFor(`${api}/images/${big.id}/thumbnail`).map((r) => r.status)).toContain(200);
    } finally {
      await h.dispose();
    }
  });

  it('are made locally with sharp when the server answers 404 for the route', async () => {
    const noThumbs = await startProxy(server.url, [
      { method: 'GET', path: /\/images\/[^/]+\/thumbnail$/, status: 404 },
    ]);
    const h = await startCore({ mediaFreshForMs: 0 });
    try {
      await h.ok('connection:connect', { baseUrl: noThumbs.url, apiKey: server.keys.member });
      const big = byName('scene_005.jpg');
      const thumb = await h.media(big.id, 'thumbnail');
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(thumb.body!).metadata();
      expect([meta.width, meta.height]).toEqual([256, 192]);
      // Next time only the full image is revalidated (304); the local thumbnail is reused.
      const again = await h.media(big.id, 'thumbnail');
      expect(Buffer.from(again.body!).equals(Buffer.from(thumb.body!))).toBe(true);
      const paths = noThumbs.requests.map((r) => `${r.path.replace(big.id, 'ID')} ${r.status}`);
      expect(paths.filter((p) => p.includes('/images/ID'))).toEqual([
        `${api}/images/ID/thumbnail 404`,
        `${api}/images/ID 200`,
        `${api}/images/ID 304`,
      ]);
      // An image that does not exist stays a 404, not a made-up thumbnail.
      expect((await h.media('00000000-0000-4000-8000-000000000000', 'thumbnail')).status).toBe(404);
    } finally {
      await h.dispose();
      await noThumbs.close();
    }
  });
});

describe('review fallback for a server without the review route', () => {
  it.each([404, 405])('keeps the decision locally when the route answers %i but the image exists', async (status) => {
    const noReview = await startProxy(server.url, [{ method: 'POST', path: /\/images\/[^/]+\/review$/, status }]);
    const h = await startCore();
    try {
      await h.ok('connection:connect', { baseUrl: noReview.url, apiKey: server.keys.member });
      const image = byName('scene_002.jpg');
      const result = await h.ok('review:submit', { imageId: image.id, action: 'approve', note: 'ok offline' });
      expect(result).toEqual({ imageId: image.id, status: 'complete', storedLocally: true });
      const file = JSON.parse(await readFile(join(h.userDataDir, 'review-local.json'), 'utf8'));
      expect(file.decisions).toEqual([
        expect.objectContaining({ imageId: image.id, action: 'approve', status: 'complete', note: 'ok offline' }),
      ]);
      // The image shows the local decision.
      expect((await h.ok('images:metadata', { imageId: image.id })).status).toBe('complete');
      // A missing image is still "not found".
      const missing = await h.call('review:submit', {
        imageId: '00000000-0000-4000-8000-000000000000',
        action: 'approve',
      });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await h.dispose();
      await noReview.close();
    }
  });
});
