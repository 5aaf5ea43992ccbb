import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AERIAL, ARCHIVED_FILENAME, STREET, startTestServer, type TestServer } from '../../support/server';
import { call, datasetId, imageId, urlFor } from './helpers';

let server: TestServer;
let street: string;
beforeAll(async () => {
  server = await startTestServer();
  street = await datasetId(server, STREET);
});
afterAll(() => server.close());

const names = (res: { json: { filename: string }[] }) => res.json.map((i) => i.filename);

describe('GET /images/', () => {
  it('400 without dataset_id, 404 for an unknown dataset', async () => {
    const missing = await call(server, 'GET', '/images/');
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      error: 'bad_request',
      message: expect.any(String),
      details: { parameter: 'dataset_id' },
    });
    expect((await call(server, 'GET', '/images/?dataset_id=nope')).status).toBe(404);
  });

  it('orders by filename, directory_path, id and hides archived images by default', async () => {
    const res = await call(server, 'GET', `/images/?dataset_id=${street}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('12');
    const list = names(res);
    expect(list).toEqual([...list].sort());
    expect(list).not.toContain(ARCHIVED_FILENAME);
    const withArchived = await call(server, 'GET', `/images/?dataset_id=${street}&include_archived=true`);
    expect(withArchived.headers.get('x-total-count')).toBe('13');
    expect(names(withArchived)[0]).toBe(ARCHIVED_FILENAME);
    expect(withArchived.json[0].is_archived).toBe(true);
  });

  it('filters by status, exact directory_path, filename and min_confidence_lt', async () => {
    const all = (await call(server, 'GET', `/images/?dataset_id=${street}`)).json as {
      status: string;
      directory_path: string;
      min_confidence: number | null;
    }[];
    for (const status of ['new', 'in_progress', 'complete']) {
      const res = await call(server, 'GET', `/images/?dataset_id=${street}&status=${status}`);
      expect(res.json.length).toBe(all.filter((i) => i.status === status).length);
    }
    expect((await call(server, 'GET', `/images/?dataset_id=${street}&status=done`)).status).toBe(400);
    const day = await call(server, 'GET', `/images/?dataset_id=${street}&directory_path=/day`);
    expect(day.json.every((i: { directory_path: string }) => i.directory_path === '/day')).toBe(true);
    expect(day.json).toHaveLength(4);
    const aerial = await datasetId(server, AERIAL);
    expect((await call(server, 'GET', `/images/?dataset_id=${aerial}&directory_path=/tiles`)).json).toEqual([]);
    expect(names(await call(server, 'GET', `/images/?dataset_id=${street}&filename=scene_001.png`))).toEqual([
      'scene_001.png',
    ]);
    const low = await call(server, 'GET', `/images/?dataset_id=${street}&min_confidence_lt=0.3`);
    const expected = all.filter((i) => i.min_confidence !== null && i.min_confidence < 0.3).length;
    expect(expected).toBeGreaterThan(0);
    expect(low.json).toHaveLength(expected);
    expect((await call(server, 'GET', `/images/?dataset_id=${street}&min_confidence_lt=abc`)).status).toBe(400);
  });

  it('has the contract metadata shape', async () => {
    const res = await call(server, 'GET', `/images/?dataset_id=${street}&filename=scene_000.png`);
    const image = res.json[0];
    expect(Object.keys(image)).toEqual([
      'id',
      'dataset_id',
      'filename',
      'directory_path',
      'width',
      'height',
      'file_size',
      'mime_type',
      'status',
      'annotation_count',
      'min_confidence',
      'is_archived',
      'created_at',
      'updated_at',
      'thumbnail_url',
    ]);
    expect(image).toMatchObject({
      dataset_id: street,
      directory_path: '/',
      width: 64,
      height: 48,
      mime_type: 'image/png',
      annotation_count: 0,
      min_confidence: null,
    });
    expect(image.thumbnail_url).toBe(`/api/v1/developer/images/${image.id}/thumbnail`);
  });
});

describe('GET /images/{id}/metadata', () => {
  it('includes annotations only when asked, 400 for a malformed flag', async () => {
    const id = await imageId(server, STREET, 'scene_001.png');
    const plain = await call(server, 'GET', `/images/${id}/metadata`);
    expect(plain.json.annotations).toBeUndefined();
    const full = await call(server, 'GET', `/images/${id}/metadata?include_annotations=true`);
    expect(full.json.annotations).toHaveLength(4);
    expect(full.json.annotation_count).toBe(4);
    expect((await call(server, 'GET', `/images/${id}/metadata?include_annotations=1`)).status).toBe(400);
  });
});

describe('GET /images/{id} bytes', () => {
  it('serves the original with Content-Type, Content-Length, ETag and Cache-Control; 304 on If-None-Match', async () => {
    const id = await imageId(server, STREET, 'scene_002.jpg');
    const original = await readFile(server.fixture.datasets[0]!.images[2]!.file);
    const res = await fetch(urlFor(server, `/images/${id}`), { headers: { 'X-API-Key': server.keys.viewer } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(bytes.equals(original)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe(String(original.length));
    const etag = `"${createHash('sha256').update(original).digest('hex')}"`;
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await call(server, 'GET', `/images/${id}`, { headers: { 'If-None-Match': header } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await call(server, 'GET', `/images/${id}`, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });
});

describe('GET /images/{id}/thumbnail', () => {
  it('returns a small JPEG/PNG original unchanged', async () => {
    const id = await imageId(server, STREET, 'scene_000.png');
    const thumb = await fetch(urlFor(server, `/images/${id}/thumbnail`), {
      headers: { 'X-API-Key': server.keys.viewer },
    });
    const original = await fetch(urlFor(server, `/images/${id}`), { headers: { 'X-API-Key': server.keys.viewer } });
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await thumb.arrayBuffer()).equals(Buffer.from(await original.arrayBuffer()))).toBe(true);
  });

  it('resizes a large image to ≤ 256 px, ETag/304 works, and null dimensions are read from the file', async () => {
    const id = await imageId(server, STREET, 'scene_005.jpg');
    const res = await fetch(urlFor(server, `/images/${id}/thumbnail`), {
      headers: { 'X-API-Key': server.keys.viewer },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(256);
    expect(meta.width).toBe(256);
    expect(meta.height).toBe(192);
    const cached = await call(server, 'GET', `/images/${id}/thumbnail`, {
      headers: { 'If-None-Match': res.headers.get('etag')! },
    });
    expect(cached.status).toBe(304);
    const unknownSize = await imageId(server, STREET, 'scene_007.png');
    expect((await call(server, 'GET', `/images/${unknownSize}/thumbnail`)).status).toBe(200);
  });
});

describe('DELETE /images/{id}', () => {
  it('archives idempotently, then permanent delete makes the image 404 and frees the name', async () => {
    const id = await imageId(server, STREET, 'scene_011.jpg');
    const before = (await call(server, 'GET', `/datasets/${street}`)).json.image_count;
    for (let i = 0; i < 2; i++) {
      const res = await call(server, 'DELETE', `/images/${id}`, { key: server.keys.admin });
      expect(res.json).toEqual({ id, archived: true, deleted: false });
    }
    expect((await call(server, 'GET', `/datasets/${street}`)).json.image_count).toBe(before - 1);
    expect((await call(server, 'GET', `/images/${id}/metadata`)).json.is_archived).toBe(true);
    expect((await call(server, 'POST', `/images/${id}/review`, { body: { action: 'approve' } })).status).toBe(409);
    expect((await call(server, 'DELETE', `/images/${id}?permanent=maybe`)).status).toBe(400);
    const gone = await call(server, 'DELETE', `/images/${id}?permanent=true`);
    expect(gone.json).toEqual({ id, archived: false, deleted: true });
    for (const path of [`/images/${id}`, `/images/${id}/metadata`, `/annotations/${id}`, `/images/${id}/thumbnail`]) {
      expect((await call(server, 'GET', path)).status).toBe(404);
    }
    const upload = await call(server, 'POST', '/images/upload-url', {
      body: { dataset_id: street, filename: 'scene_011.jpg', directory_path: '/night', content_type: 'image/jpeg' },
    });
    expect(upload.status).toBe(200);
  });
});

describe('POST /images/{id}/review', () => {
  it('approve → complete, request_changes → in_progress, returns metadata without the note', async () => {
    const id = await imageId(server, STREET, 'scene_001.png');
    const approve = await call(server, 'POST', `/images/${id}/review`, {
      key: server.keys.member,
      body: { action: 'approve', note: 'fine' },
    });
    expect(approve.status).toBe(200);
    expect(approve.json).toMatchObject({ id, status: 'complete' });
    expect(approve.json.note).toBeUndefined();
    const back = await call(server, 'POST', `/images/${id}/review`, { body: { action: 'request_changes' } });
    expect(back.json.status).toBe('in_progress');
  });

  it('422 for a bad action, a long note or extra fields', async () => {
    const id = await imageId(server, STREET, 'scene_001.png');
    for (const body of [
      { action: 'reject' },
      { action: 'approve', note: 'x'.repeat(2001) },
      { action: 'approve', status: 'complete' },
      {},
    ]) {
      const res = await call(server, 'POST', `/images/${id}/review`, { body });
      expect(res.status).toBe(422);
    }
  });
});
