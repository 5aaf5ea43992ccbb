import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVED_FILENAME, STREET, startTestServer, type TestServer } from '../../support/server';
import { call, datasetId, imageId } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const box = (id: string, confidence?: number) => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x: 1, y: 2, w: 3, h: 4 },
  ...(confidence === undefined ? {} : { confidence }),
});

describe('GET /annotations/{id}', () => {
  it('returns the canonical list with ETag = sha256 of the list JSON', async () => {
    const id = await imageId(server, STREET, 'scene_001.png');
    const res = await call(server, 'GET', `/annotations/${id}`, { key: server.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.json.image_id).toBe(id);
    expect(res.json.annotations).toHaveLength(4);
    const listJson = JSON.stringify(res.json.annotations);
    expect(res.text).toBe(`{"image_id":"${id}","annotations":${listJson}}`);
    expect(res.headers.get('etag')).toBe(`"${sha(listJson)}"`);
    const polygon = res.json.annotations[1];
    expect(polygon).toEqual({
      id: 'road-1',
      name: 'road',
      type: 'polygon',
      polygon: {
        paths: [
          [
            { x: 0, y: 0 },
            { x: 30, y: 0 },
            { x: 30, y: 20 },
          ],
        ],
      },
      bounding_box: { x: 0, y: 0, w: 30, h: 20 },
      confidence: 0.51,
      created_by: null,
      attributes: [],
      extra: { kept: 1 },
    });
  });

  it('[] for an image without annotations, and archived images stay readable', async () => {
    const empty = await call(server, 'GET', `/annotations/${await imageId(server, STREET, 'scene_000.png')}`);
    expect(empty.json.annotations).toEqual([]);
    expect(empty.headers.get('etag')).toBe(`"${sha('[]')}"`);
    const archived = await call(server, 'GET', `/annotations/${await imageId(server, STREET, ARCHIVED_FILENAME)}`);
    expect(archived.status).toBe(200);
    expect(archived.json.annotations[0].id).toBe('old-car');
  });

  it('/file gives the per-image file with an absolute API image_url', async () => {
    const id = await imageId(server, STREET, 'scene_005.jpg');
    const res = await call(server, 'GET', `/annotations/${id}/file`, { key: server.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      image: 'scene_005.jpg',
      image_url: `${server.url}/api/v1/developer/images/${id}`,
      image_uuid: id,
      image_path: '/day',
      annotation_count: 4,
      dataset: { name: STREET, slug: 'street-scenes' },
      org: { name: 'Acme Test', slug: 'acme-test' },
      annotations: expect.any(Array),
    });
    expect(Object.keys(res.json)).toEqual([
      'image',
      'image_url',
      'image_uuid',
      'image_path',
      'annotation_count',
      'dataset',
      'org',
      'annotations',
    ]);
  });
});

describe('POST /annotations/{id}', () => {
  it('saves a full overwrite, returns counts, status and the new ETag, and updates the image and dataset', async () => {
    const id = await imageId(server, STREET, 'scene_002.jpg');
    const before = (await call(server, 'GET', `/images/${id}/metadata`)).json;
    const dsBefore = (await call(server, 'GET', `/datasets/${await datasetId(server, STREET)}`)).json;
    const list = [
      box('n1', 0.4),
      {
        id: 'n2',
        name: 'lane',
        type: 'polyline',
        polyline: {
          path: [
            { x: 0, y: 0 },
            { x: 5, y: 5 },
          ],
        },
        keep: [1],
      },
    ];
    const res = await call(server, 'POST', `/annotations/${id}`, {
      key: server.keys.member,
      body: { annotations: list },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      image_id: id,
      previous_count: before.annotation_count,
      new_count: 2,
      status: 'complete',
    });
    const got = await call(server, 'GET', `/annotations/${id}`);
    expect(res.headers.get('etag')).toBe(got.headers.get('etag'));
    expect(got.json.annotations[1]).toEqual({
      ...list[1],
      bounding_box: { x: 0, y: 0, w: 5, h: 5 },
      confidence: 1,
      created_by: null,
      attributes: [],
    });
    const meta = (await call(server, 'GET', `/images/${id}/metadata`)).json;
    expect(meta).toMatchObject({ annotation_count: 2, min_confidence: 0.4, status: 'complete' });
    expect(meta.updated_at >= before.updated_at).toBe(true);
    const dsAfter = (await call(server, 'GET', `/datasets/${await datasetId(server, STREET)}`)).json;
    expect(dsAfter.annotation_count).toBe(dsBefore.annotation_count - before.annotation_count + 2);
  });

  it('status rule: empty → new even from complete; non-empty → in_progress unless complete', async () => {
    const id = await imageId(server, STREET, 'scene_003.png');
    const save = (annotations: unknown[]) => call(server, 'POST', `/annotations/${id}`, { body: { annotations } });
    expect((await save([])).json.status).toBe('new');
    expect((await save([box('x')])).json.status).toBe('in_progress');
    await call(server, 'POST', `/images/${id}/review`, { body: { action: 'approve' } });
    expect((await save([box('x'), box('y')])).json.status).toBe('complete');
    const cleared = await save([]);
    expect(cleared.json).toMatchObject({ previous_count: 2, new_count: 0, status: 'new' });
    expect((await call(server, 'GET', `/images/${id}/metadata`)).json.min_confidence).toBeNull();
  });

  it('422 with per-index details for invalid annotations, and nothing is written', async () => {
    const id = await imageId(server, STREET, 'scene_004.png');
    const before = await call(server, 'GET', `/annotations/${id}`);
    const res = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [box('ok'), { ...box('bad'), name: 'spaceship' }, { ...box('ok') }] },
    });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      error: 'validation_error',
      message: expect.any(String),
      details: {
        errors: [
          { index: 1, field: 'name', message: '"spaceship" is not a class of this dataset' },
          { index: 2, field: 'id', message: 'duplicate id "ok"' },
        ],
      },
    });
    expect((await call(server, 'GET', `/annotations/${id}`)).text).toBe(before.text);
  });

  it('422 for a missing annotations field or extra top-level fields', async () => {
    const id = await imageId(server, STREET, 'scene_004.png');
    const missing = await call(server, 'POST', `/annotations/${id}`, { body: {} });
    expect(missing.json.details.errors).toEqual([{ field: 'annotations', message: 'is required' }]);
    const extra = await call(server, 'POST', `/annotations/${id}`, { body: { annotations: [], image_id: id } });
    expect(extra.json.details.errors).toEqual([{ field: 'image_id', message: 'unknown field' }]);
  });

  it('If-Match: stale → 412 with current_etag; current, weak, unquoted and * succeed', async () => {
    const id = await imageId(server, STREET, 'scene_006.png');
    const current = (await call(server, 'GET', `/annotations/${id}`)).headers.get('etag')!;
    const stale = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [] },
      headers: { 'If-Match': `"${'0'.repeat(64)}"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual({
      error: 'precondition_failed',
      message: expect.any(String),
      details: { current_etag: current },
    });
    const weak = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [box('w')] },
      headers: { 'If-Match': `W/${current}` },
    });
    expect(weak.status).toBe(200);
    const next = weak.headers.get('etag')!;
    const bare = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [box('b')] },
      headers: { 'If-Match': next.replaceAll('"', '') },
    });
    expect(bare.status).toBe(200);
    const star = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [box('s')] },
      headers: { 'If-Match': '*' },
    });
    expect(star.status).toBe(200);
  });

  it('concurrent saves with the same If-Match: exactly one wins, the others get 412', async () => {
    const id = await imageId(server, STREET, 'scene_008.jpg');
    const etag = (await call(server, 'GET', `/annotations/${id}`)).headers.get('etag')!;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(server, 'POST', `/annotations/${id}`, {
          body: { annotations: [box(`c${i}`)] },
          headers: { 'If-Match': etag },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(7);
  });

  it('409 on an archived image (after validation passes)', async () => {
    const id = await imageId(server, STREET, ARCHIVED_FILENAME);
    const res = await call(server, 'POST', `/annotations/${id}`, { body: { annotations: [] } });
    expect(res.status).toBe(409);
    expect(res.json.error).toBe('conflict');
    expect((await call(server, 'POST', `/annotations/${id}`, { body: { annotations: [1] } })).status).toBe(422);
    expect((await call(server, 'DELETE', `/annotations/${id}`)).status).toBe(409);
  });

  it('accepts 10,000 polygons and round-trips them', async () => {
    const id = await imageId(server, STREET, 'scene_009.png');
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      id: `p${i}`,
      name: 'road',
      type: 'polygon',
      polygon: {
        paths: [
          [
            { x: i, y: 0 },
            { x: i + 5, y: 0 },
            { x: i + 5, y: 5 },
            { x: i, y: 5 },
          ],
        ],
      },
      confidence: (i % 100) / 100,
    }));
    const res = await call(server, 'POST', `/annotations/${id}`, { body: { annotations: many } });
    expect(res.status).toBe(200);
    expect(res.json.new_count).toBe(10_000);
    const got = await call(server, 'GET', `/annotations/${id}`);
    expect(got.json.annotations).toHaveLength(10_000);
    expect(got.json.annotations[9_999].bounding_box).toEqual({ x: 9_999, y: 0, w: 5, h: 5 });
    expect((await call(server, 'GET', `/images/${id}/metadata`)).json.min_confidence).toBe(0);
    const tooMany = await call(server, 'POST', `/annotations/${id}`, {
      body: { annotations: [...many, box('one-more')] },
    });
    expect(tooMany.status).toBe(422);
  });
});

describe('DELETE /annotations/{id}', () => {
  it('clears, reports deleted_count, sets status new, honours If-Match', async () => {
    const id = await imageId(server, STREET, 'scene_010.png');
    const current = await call(server, 'GET', `/annotations/${id}`);
    const count = current.json.annotations.length as number;
    expect(count).toBeGreaterThan(0);
    const stale = await call(server, 'DELETE', `/annotations/${id}`, { headers: { 'If-Match': '"nope"' } });
    expect(stale.status).toBe(412);
    const res = await call(server, 'DELETE', `/annotations/${id}`, {
      key: server.keys.admin,
      headers: { 'If-Match': current.headers.get('etag')! },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ image_id: id, deleted_count: count });
    expect((await call(server, 'GET', `/images/${id}/metadata`)).json).toMatchObject({
      status: 'new',
      annotation_count: 0,
      min_confidence: null,
    });
  });
});
