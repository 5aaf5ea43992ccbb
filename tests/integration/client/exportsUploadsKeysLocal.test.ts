import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PictographClient } from '../../../electron/services/client';
import type { BodySink } from '../../../electron/services/client';
import type { Dataset, ExportCreate, ExportRecord } from '../../../shared/api';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { failureOf } from './hostileClient';

/**
 * The export, upload and API-key methods against a real pictograph-local. `fetch` is wrapped to
 * record every request, so "not sent" means no request left the process.
 */
let server: TestServer;
let street: Dataset;
const sent: { method: string; url: string; keyed: boolean }[] = [];

function clientFor(apiKey: string): PictographClient {
  return new PictographClient({
    baseUrl: server.url,
    apiKey,
    sleep: async () => undefined,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      sent.push({ method: init?.method ?? 'GET', url: String(input), keyed: headers.has('x-api-key') });
      return fetch(input, init);
    },
  });
}

const request = (overrides: Partial<ExportCreate> = {}): ExportCreate => ({
  datasetName: 'street-scenes',
  name: `client ${Math.random().toString(36).slice(2, 8)}`,
  format: 'coco',
  includeImages: false,
  classFilter: null,
  statusFilter: null,
  ...overrides,
});

async function settled(client: PictographClient, record: ExportRecord): Promise<ExportRecord> {
  let current = record;
  while (current.status === 'pending' || current.status === 'processing') {
    await new Promise((resolve) => setTimeout(resolve, 30));
    current = await client.exports.get(record.id);
  }
  return current;
}

beforeAll(async () => {
  server = await startTestServer();
  street = (await clientFor(server.keys.owner).listDatasets()).find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await server?.close();
});

describe('exports', () => {
  it.each<[string, Partial<ExportCreate>, string]>([
    ['blank name', { name: '   ' }, 'name'],
    ['empty name', { name: '' }, 'name'],
    ['name over 100', { name: 'x'.repeat(101) }, 'name'],
    ['unknown format', { format: 'tfrecord' as never }, 'format'],
    ['empty class filter', { classFilter: [] }, 'classFilter'],
    ['unknown status filter', { statusFilter: 'done' as never }, 'statusFilter'],
    ['include_images not a boolean', { includeImages: 'yes' as never }, 'includeImages'],
    ['unknown class', { classFilter: ['car', 'zebra'] }, 'classFilter.[1]'],
  ])('%s is refused before a request is sent', async (_label, overrides, field) => {
    const client = clientFor(server.keys.member);
    sent.length = 0;
    const error = await failureOf(() =>
      client.exports.create(request(overrides), { classes: street.classes.map((c) => c.name) }),
    );
    expect(error).toMatchObject({
      code: 'validation_error',
      message: expect.stringMatching(/^The export was not sent/),
    });
    expect((error.details as { problems: { field: string }[] }).problems[0]!.field).toBe(field);
    expect(sent).toEqual([]);
  });

  it('creates, lists, gets, links, streams and deletes an export', async () => {
    const client = clientFor(server.keys.owner);
    const created = await client.exports.create(request({ name: 'client round trip', classFilter: ['car'] }));
    expect(created).toMatchObject({ name: 'client round trip', status: 'pending', class_filter: ['car'] });
    const done = await settled(client, created);
    expect(done.status).toBe('completed');
    expect((await client.exports.list('street-scenes')).map((e) => e.id)).toContain(created.id);
    expect(await client.exports.list(STREET, { status: 'failed' })).toEqual([]);

    const link = await client.exports.downloadLink(created.id);
    expect(link.url).toMatch(/\/storage\/.*sig=/);
    const chunks: Uint8Array[] = [];
    const sink: BodySink = {
      start: async () => void (chunks.length = 0),
      write: async (chunk) => void chunks.push(chunk),
    };
    sent.length = 0;
    await client.exports.download(link.url, sink, { maxBytes: done.file_size! });
    expect(chunks.reduce((n, c) => n + c.byteLength, 0)).toBe(done.file_size);
    expect(sent).toEqual([{ method: 'GET', url: link.url, keyed: false }]);

    await client.exports.delete(created.id);
    expect(await failureOf(() => client.exports.get(created.id))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('a link for an unfinished export is a conflict naming its status; a viewer cannot create', async () => {
    const slow = clientFor(server.keys.owner);
    const viewer = clientFor(server.keys.viewer);
    expect(await failureOf(() => viewer.exports.create(request()))).toMatchObject({
      code: 'forbidden',
      details: { requiredRole: 'member', currentRole: 'viewer' },
    });
    const created = await slow.exports.create(request({ name: 'dup check' }));
    expect(await failureOf(() => slow.exports.create(request({ name: 'dup check' })))).toMatchObject({
      code: 'conflict',
    });
    await settled(slow, created);
  });
});

describe('uploads (three steps)', () => {
  it('uploads an image: the PUT goes without the key, register returns the new image', async () => {
    const client = clientFor(server.keys.member);
    const bytes = new Uint8Array(
      await sharp({ create: { width: 7, height: 5, channels: 3, background: '#f00' } })
        .png()
        .toBuffer(),
    );
    sent.length = 0;
    const image = await client.uploads.upload({
      datasetId: street.id,
      filename: 'client-upload.png',
      directoryPath: '/inbox/day',
      contentType: 'image/png',
      bytes,
      width: 7,
      height: 5,
    });
    expect(image).toMatchObject({
      filename: 'client-upload.png',
      directory_path: '/inbox/day',
      width: 7,
      height: 5,
      status: 'new',
    });
    expect(sent.map((r) => [r.method, new URL(r.url).pathname.replace(/[0-9a-f-]{36}/g, ':id'), r.keyed])).toEqual([
      ['POST', '/api/v1/developer/images/upload-url', true],
      ['PUT', expect.stringMatching(/^\/storage\//), false],
      ['POST', '/api/v1/developer/images/register', true],
    ]);
  });

  it('a duplicate name is a conflict carrying the existing image id', async () => {
    const client = clientFor(server.keys.member);
    const error = await failureOf(() =>
      client.uploads.requestSlot({
        datasetId: street.id,
        filename: 'client-upload.png',
        directoryPath: '/inbox/day',
        contentType: 'image/png',
      }),
    );
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
    expect((error.details as Record<string, unknown>).existing_image_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('bytes that do not match the declared type are refused at register (415)', async () => {
    const client = clientFor(server.keys.member);
    const error = await failureOf(() =>
      client.uploads.upload({
        datasetId: street.id,
        filename: 'fake.jpg',
        directoryPath: '/',
        contentType: 'image/jpeg',
        bytes: new TextEncoder().encode('not an image at all'),
        width: null,
        height: null,
      }),
    );
    expect(error).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });
});

describe('API keys', () => {
  it('lists, creates (the secret once) and revokes; the revoked key gets 401 at once', async () => {
    const admin = clientFor(server.keys.admin);
    const created = await admin.apiKeys.create({ name: 'ci robot', role: 'viewer', rateLimit: 100 });
    expect(created).toMatchObject({ name: 'ci robot', role: 'viewer', rate_limit: 100, is_active: true });
    expect(created.key).toMatch(/^pk_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.key_prefix)).toBe(true);
    const listed = await admin.apiKeys.list();
    expect(listed.find((k) => k.id === created.id)).not.toHaveProperty('key');

    const robot = clientFor(created.key);
    await robot.testConnection();
    await admin.apiKeys.revoke(created.id);
    expect(await failureOf(() => robot.testConnection())).toMatchObject({ code: 'invalid_api_key', status: 401 });
    expect((await admin.apiKeys.list()).some((k) => k.id === created.id)).toBe(false);
  });

  it('bad requests are refused locally; an admin cannot create an owner key; a member cannot list', async () => {
    const admin = clientFor(server.keys.admin);
    sent.length = 0;
    for (const bad of [
      { name: ' ', role: 'viewer' as const },
      { name: 'x', role: 'boss' as never },
      { name: 'x', role: 'viewer' as const, rateLimit: 0 },
      { name: 'x', role: 'viewer' as const, expiresAt: '2001-01-01T00:00:00.000Z' },
    ]) {
      expect(await failureOf(() => admin.apiKeys.create(bad))).toMatchObject({ code: 'validation_error' });
    }
    expect(sent).toEqual([]);
    expect(await failureOf(() => admin.apiKeys.create({ name: 'up', role: 'owner' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await failureOf(() => clientFor(server.keys.member).apiKeys.list())).toMatchObject({
      code: 'forbidden',
      details: { requiredRole: 'admin', currentRole: 'member' },
    });
  });
});
