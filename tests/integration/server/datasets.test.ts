import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, EMPTY, STREET, startTestServer, type TestServer } from '../../support/server';
import { call, datasetId } from './helpers';

let now = Date.now();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
});
afterAll(() => server.close());

describe('GET /datasets/', () => {
  it('lists datasets by name with counts, classes and X-Total-Count', async () => {
    const res = await call(server, 'GET', '/datasets/', { key: server.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(res.json.map((d: { name: string }) => d.name)).toEqual([AERIAL, EMPTY, STREET]);
    const street = res.json[2];
    expect(Object.keys(street)).toEqual([
      'id',
      'name',
      'slug',
      'description',
      'image_count',
      'completed_image_count',
      'annotation_count',
      'annotation_types',
      'classes',
      'created_at',
      'updated_at',
    ]);
    expect(street).toMatchObject({
      slug: 'street-scenes',
      description: 'Street scenes for tests',
      image_count: 12,
      annotation_types: ['bbox', 'polygon', 'polyline', 'keypoint'],
    });
    expect(street.classes[0]).toEqual({ name: 'car', color: '#e6194b', type: 'bbox' });
    expect(street.classes[4]).toEqual({ name: 'person', color: '#f58231' });
    const aerial = res.json[0];
    expect(aerial).toMatchObject({ image_count: 4, completed_image_count: 0, annotation_count: 3 });
  });

  it('GET /datasets/{id} returns one dataset; 404 otherwise', async () => {
    const id = await datasetId(server, EMPTY);
    const res = await call(server, 'GET', `/datasets/${id}`);
    expect(res.json).toMatchObject({ id, name: EMPTY, image_count: 0, completed_image_count: 0, annotation_count: 0 });
  });
});

describe('GET /datasets/{id}/download', () => {
  it('lists non-archived images in listing order with signed image URLs and annotation paths', async () => {
    const id = await datasetId(server, STREET);
    const res = await call(server, 'GET', `/datasets/${id}/download`, { key: server.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ dataset_id: id, total_items: 12, truncated: false });
    const listing = (await call(server, 'GET', `/images/?dataset_id=${id}`)).json as { id: string }[];
    expect(res.json.items.map((i: { id: string }) => i.id)).toEqual(listing.map((i) => i.id));
    const item = res.json.items[0];
    expect(Object.keys(item)).toEqual([
      'id',
      'filename',
      'directory_path',
      'file_size',
      'annotation_count',
      'status',
      'image_url',
      'annotation_url',
    ]);
    expect(item.image_url).toMatch(
      new RegExp(`^${server.url}/storage/images/${item.id}\\?expires=\\d+&sig=[0-9a-f]{64}$`),
    );
    expect(item.annotation_url).toBe(`/api/v1/developer/annotations/${item.id}/file`);
  });

  it('modes, status_filter and limit (clamped to 10000)', async () => {
    const id = await datasetId(server, STREET);
    const imagesOnly = await call(server, 'GET', `/datasets/${id}/download?mode=images_only&limit=2`);
    expect(imagesOnly.json).toMatchObject({ total_items: 12, truncated: true });
    expect(imagesOnly.json.items).toHaveLength(2);
    expect(imagesOnly.json.items[0].annotation_url).toBeNull();
    const annotationsOnly = await call(server, 'GET', `/datasets/${id}/download?mode=annotations_only`);
    expect(annotationsOnly.json.items[0].image_url).toBeNull();
    const complete = await call(server, 'GET', `/datasets/${id}/download?status_filter=complete&limit=99999`);
    expect(complete.json.items.every((i: { status: string }) => i.status === 'complete')).toBe(true);
    expect(complete.json.total_items).toBe(complete.json.items.length);
    for (const bad of ['mode=all', 'status_filter=done', 'limit=-1', 'limit=x']) {
      expect((await call(server, 'GET', `/datasets/${id}/download?${bad}`)).status).toBe(400);
    }
  });
});

describe('signed storage URLs', () => {
  async function firstItem() {
    const id = await datasetId(server, STREET);
    return (await call(server, 'GET', `/datasets/${id}/download?limit=1`)).json.items[0] as {
      id: string;
      filename: string;
      image_url: string;
    };
  }

  it('serve the bytes without a key, not rate-limited, no rate-limit headers', async () => {
    const item = await firstItem();
    const res = await fetch(item.image_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    const source = server.fixture.datasets[0]!.images.find((i) => i.filename === item.filename)!;
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(source.file))).toBe(true);
  });

  it('403 when tampered (signature, expiry, path or method) and when expired', async () => {
    const item = await firstItem();
    const url = new URL(item.image_url);
    const flipped = url.searchParams.get('sig')!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const variants = [
      `${url.origin}${url.pathname}?expires=${url.searchParams.get('expires')}&sig=${flipped}`,
      `${url.origin}${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 1}&sig=${url.searchParams.get('sig')}`,
      `${url.origin}${url.pathname}`,
      `${url.origin}/storage/images/00000000-0000-4000-8000-000000000000${url.search}`,
    ];
    for (const v of variants) {
      const res = await fetch(v);
      expect(res.status, v).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('forbidden');
    }
    expect((await fetch(item.image_url, { method: 'PUT', body: 'x' })).status).toBe(405);
    now += 3_600_000 + 1_000;
    try {
      expect((await fetch(item.image_url)).status).toBe(403);
    } finally {
      now -= 3_600_000 + 1_000;
    }
  });

  it('404 for a validly signed URL whose object is gone; unknown storage paths 404', async () => {
    const item = await firstItem();
    await call(server, 'DELETE', `/images/${item.id}?permanent=true`);
    expect((await fetch(item.image_url)).status).toBe(404);
    expect((await fetch(`${server.url}/storage/other/x`)).status).toBe(404);
  });
});
