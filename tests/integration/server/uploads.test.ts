import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVED_FILENAME, STREET, startTestServer, type TestServer } from '../../support/server';
import { UNKNOWN_UUID, call, datasetId } from './helpers';

let now = Date.now();
let server: TestServer;
let street: string;
let png: Buffer;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  street = await datasetId(server, STREET);
  png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
});
afterAll(() => server.close());

let counter = 0;
async function reserve(overrides: Record<string, unknown> = {}) {
  const body = {
    dataset_id: street,
    filename: `up_${counter++}.png`,
    directory_path: '/uploads',
    content_type: 'image/png',
    ...overrides,
  };
  const res = await call(server, 'POST', '/images/upload-url', { key: server.keys.member, body });
  return { res, body };
}

const put = (url: string, bytes: Uint8Array, contentType = 'image/png') =>
  fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': contentType } });

function registerBody(
  upload: { body: Record<string, unknown>; res: { json: { upload_id: string } } },
  extra: Record<string, unknown> = {},
) {
  return {
    upload_id: upload.res.json.upload_id,
    dataset_id: street,
    filename: upload.body.filename,
    directory_path: upload.body.directory_path,
    file_size: png.length,
    mime_type: 'image/png',
    width: 30,
    height: 20,
    ...extra,
  };
}

describe('three-step upload', () => {
  it('upload-url → PUT without key → register gives 201 metadata; bytes are served back', async () => {
    const upload = await reserve();
    expect(upload.res.status).toBe(200);
    expect(upload.res.json).toEqual({
      upload_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      upload_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/uploads\//),
      expires_at: expect.any(String),
    });
    expect(Date.parse(upload.res.json.expires_at) - now).toBeLessThanOrEqual(15 * 60_000);
    const stored = await put(upload.res.json.upload_url, png);
    expect(stored.status).toBe(200);
    expect(await stored.text()).toBe('');
    const reg = await call(server, 'POST', '/images/register', { key: server.keys.member, body: registerBody(upload) });
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({
      dataset_id: street,
      filename: upload.body.filename,
      directory_path: '/uploads',
      width: 30,
      height: 20,
      file_size: png.length,
      mime_type: 'image/png',
      status: 'new',
      annotation_count: 0,
      is_archived: false,
    });
    const bytes = await fetch(`${server.url}/api/v1/developer/images/${reg.json.id}`, {
      headers: { 'X-API-Key': server.keys.viewer },
    });
    expect(Buffer.from(await bytes.arrayBuffer()).equals(png)).toBe(true);
    const again = await call(server, 'POST', '/images/register', { body: registerBody(upload) });
    expect(again.status).toBe(409);
    expect(again.json.details.existing_image_id).toBe(reg.json.id);
    expect((await put(upload.res.json.upload_url, png)).status).toBe(409);
  });

  it('a repeated PUT replaces the bytes; null width/height are read from the header', async () => {
    const upload = await reserve();
    await put(upload.res.json.upload_url, Buffer.from('garbage'));
    await put(upload.res.json.upload_url, png);
    const reg = await call(server, 'POST', '/images/register', {
      body: registerBody(upload, { width: null, height: null }),
    });
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({ width: 30, height: 20 });
  });
});

describe('upload-url errors', () => {
  it('404 unknown dataset, 415 type, 422 names, 409 duplicate (archived included)', async () => {
    expect((await reserve({ dataset_id: UNKNOWN_UUID })).res.status).toBe(404);
    const svg = await reserve({ content_type: 'image/svg+xml' });
    expect(svg.res.status).toBe(415);
    expect(svg.res.json.details.allowed).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/bmp',
      'image/tiff',
      'image/gif',
    ]);
    for (const [filename, directory_path, field] of [
      ['../evil.png', '/', 'filename'],
      ['a\u0000b.png', '/', 'filename'],
      ['..', '/', 'filename'],
      ['ok.png', '/a/../b', 'directory_path'],
      ['ok.png', 'relative', 'directory_path'],
      ['ok.png', '/trailing/', 'directory_path'],
      ['ok.png', '/bell\u0007', 'directory_path'],
    ]) {
      const res = await reserve({ filename, directory_path });
      expect(res.res.status, `${filename} ${directory_path}`).toBe(422);
      expect(res.res.json.details.errors[0].field).toBe(field);
    }
    const dup = await reserve({ filename: ARCHIVED_FILENAME, directory_path: '/' });
    expect(dup.res.status).toBe(409);
    expect(dup.res.json.details.existing_image_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await reserve({ filename: 7 })).res.status).toBe(422);
  });

  it('viewer gets 403', async () => {
    const res = await call(server, 'POST', '/images/upload-url', { key: server.keys.viewer, body: {} });
    expect(res.status).toBe(403);
    expect(res.json.details).toEqual({ required_role: 'member', current_role: 'viewer' });
  });
});

describe('PUT errors', () => {
  it('403 for a mismatched Content-Type, tampered or expired URL; 413 above 50 MiB', async () => {
    const upload = await reserve();
    const url = upload.res.json.upload_url as string;
    expect((await put(url, png, 'image/jpeg')).status).toBe(403);
    // Change the signature's first character to a different one (a fixed '0' would be no change
    // whenever the signature already starts with '0').
    const tampered = url.replace(/sig=(.)/, (_m, first: string) => `sig=${first === '0' ? '1' : '0'}`);
    expect(tampered).not.toBe(url);
    expect((await put(tampered, png)).status).toBe(403);
    expect((await fetch(url, { method: 'GET' })).status).toBe(405);
    const huge = new Uint8Array(50 * 1024 * 1024 + 1);
    const tooBig = await put(url, huge);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { details: unknown }).details).toEqual({ max_bytes: 52428800 });
    now += 15 * 60_000 + 1000;
    try {
      expect((await put(url, png)).status).toBe(403);
    } finally {
      now -= 15 * 60_000 + 1000;
    }
  });
});

describe('register errors', () => {
  it('404 unknown upload, 400 before any bytes, 422 differences, 415 magic bytes', async () => {
    const upload = await reserve();
    expect(
      (await call(server, 'POST', '/images/register', { body: registerBody(upload, { upload_id: UNKNOWN_UUID }) }))
        .status,
    ).toBe(404);
    const noBytes = await call(server, 'POST', '/images/register', { body: registerBody(upload) });
    expect(noBytes.status).toBe(400);
    expect(noBytes.json.error).toBe('bad_request');

    await put(upload.res.json.upload_url, png);
    const differ = await call(server, 'POST', '/images/register', {
      body: registerBody(upload, { filename: 'other.png', directory_path: '/', mime_type: 'image/jpeg' }),
    });
    expect(differ.status).toBe(422);
    expect(differ.json.details.errors.map((e: { field: string }) => e.field)).toEqual([
      'filename',
      'directory_path',
      'mime_type',
    ]);
    const size = await call(server, 'POST', '/images/register', { body: registerBody(upload, { file_size: 1 }) });
    expect(size.status).toBe(422);
    expect(size.json.details.errors[0].field).toBe('file_size');
    for (const bad of [{ width: 0 }, { height: 1.5 }, { width: '30' }, { extra: true }]) {
      expect((await call(server, 'POST', '/images/register', { body: registerBody(upload, bad) })).status).toBe(422);
    }

    const fake = await reserve();
    await put(fake.res.json.upload_url, Buffer.from('GIF89a not a png at all'));
    const magic = await call(server, 'POST', '/images/register', { body: registerBody(fake, { file_size: 23 }) });
    expect(magic.status).toBe(415);
  });

  it('a registered image sharp cannot decode: metadata works, width/height stay null, thumbnail is 404', async () => {
    const upload = await reserve({ filename: 'broken.tif', content_type: 'image/tiff' });
    const bytes = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(60, 0xee)]);
    expect((await put(upload.res.json.upload_url, bytes, 'image/tiff')).status).toBe(200);
    const reg = await call(server, 'POST', '/images/register', {
      body: registerBody(upload, { file_size: bytes.length, mime_type: 'image/tiff', width: null, height: null }),
    });
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({ width: null, height: null, mime_type: 'image/tiff' });
    const thumb = await call(server, 'GET', `/images/${reg.json.id}/thumbnail`);
    expect(thumb.status).toBe(404);
    expect(thumb.json.error).toBe('not_found');
  });

  it('404 once the 1 h registration window has passed', async () => {
    const upload = await reserve();
    await put(upload.res.json.upload_url, png);
    now += 3_600_000 + 1000;
    try {
      expect((await call(server, 'POST', '/images/register', { body: registerBody(upload) })).status).toBe(404);
    } finally {
      now -= 3_600_000 + 1000;
    }
  });
});
