import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BodySink } from '../../../electron/services/client';
import { startHostileServer } from '../../support/hostile-server';
import type { HostileServer } from '../../support/hostile-server';
import { TEST_KEY, failureOf, hostileClient } from './hostileClient';

/**
 * Exports, uploads and keys against a server that aims its signed URLs elsewhere, redirects them,
 * or sends more bytes than it announced. The key must never leave the configured API.
 */
const EXPORT_ID = '20000000-0000-4000-8000-000000000001';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

/** A sink that keeps only counts: what reached it and how often it was restarted. */
function countingSink(): BodySink & { bytes: number; starts: number } {
  const sink = {
    bytes: 0,
    starts: 0,
    start: async () => {
      sink.starts++;
      sink.bytes = 0;
    },
    write: async (chunk: Uint8Array) => {
      sink.bytes += chunk.byteLength;
    },
  };
  return sink;
}

const target = { datasetId: 'd-1', filename: 'a.jpg', directoryPath: '/', contentType: 'image/jpeg' };
const keyedRequests = (): string[] =>
  server.requests.filter((r) => r.headers['x-api-key'] !== undefined).map((r) => `${r.method} ${r.path}`);

describe('signed upload and download URLs never receive the key (§10, §13.1)', () => {
  it('an upload URL on another origin gets the PUT without the key; the API steps keep it', async () => {
    const { client } = hostileClient(server, 'signed-other');
    const image = await client.uploads.upload({ ...target, bytes: JPEG, width: 1, height: 1 });
    expect(image.filename).toBe('img_00007.jpg');
    expect(server.other.requests).toHaveLength(1);
    expect(server.other.requests[0]).toMatchObject({ method: 'PUT', path: '/blob/put?expires=9999999999&sig=abc' });
    expect(server.other.requests[0]!.headers['x-api-key']).toBeUndefined();
    expect(server.other.requests[0]!.headers['content-type']).toBe('image/jpeg');
    expect(JSON.stringify(server.other.requests)).not.toContain(TEST_KEY);
    expect(keyedRequests()).toEqual([
      'POST /signed-other/api/v1/developer/images/upload-url',
      'POST /signed-other/api/v1/developer/images/register',
    ]);
  });

  it('an upload URL on our own origin and API path is still used without the key', async () => {
    const { client } = hostileClient(server, 'signed-own-api');
    await client.uploads.upload({ ...target, bytes: JPEG, width: 1, height: 1 });
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toMatch(/\/signed\/put\?/);
    expect(put?.headers['x-api-key']).toBeUndefined();
  });

  it('a signed PUT redirected to another origin arrives there without the key', async () => {
    const { client } = hostileClient(server, 'signed-redirect');
    await client.uploads.upload({ ...target, bytes: JPEG, width: 1, height: 1 });
    expect(server.other.requests.map((r) => r.method)).toEqual(['PUT']);
    expect(JSON.stringify(server.other.requests)).not.toContain(TEST_KEY);
    expect(server.requests.find((r) => r.method === 'PUT')?.headers['x-api-key']).toBeUndefined();
  });

  it('an export link on another origin is downloaded without the key', async () => {
    const { client } = hostileClient(server, 'signed-other');
    const link = await client.exports.downloadLink(EXPORT_ID);
    expect(link).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/blob\/zip\?/), expiresAt: null });
    const sink = countingSink();
    await client.exports.download(link.url, sink, { maxBytes: 1024 });
    expect(sink).toMatchObject({ bytes: 12, starts: 1 });
    expect(server.other.requests.map((r) => r.method)).toEqual(['GET']);
    expect(JSON.stringify(server.other.requests)).not.toContain(TEST_KEY);
  });

  it('an export link on our own origin and API path is still downloaded without the key', async () => {
    const { client } = hostileClient(server, 'signed-own-api');
    const link = await client.exports.downloadLink(EXPORT_ID);
    await client.exports.download(link.url, countingSink(), { maxBytes: 1024 });
    const get = server.requests.find((r) => r.path.includes('/signed/zip'));
    expect(get?.headers['x-api-key']).toBeUndefined();
  });

  it('a download link redirected elsewhere is followed without the key', async () => {
    const { client } = hostileClient(server, 'signed-redirect');
    const link = await client.exports.downloadLink(EXPORT_ID);
    const sink = countingSink();
    await client.exports.download(link.url, sink, { maxBytes: 1024 });
    expect(sink.bytes).toBe(12);
    expect(JSON.stringify(server.other.requests)).not.toContain(TEST_KEY);
  });
});

describe('a download larger than announced is cut off', () => {
  it('a chunked body running past the export file_size stops with an error', async () => {
    const { client } = hostileClient(server, 'zip-longer-chunked');
    const record = await client.exports.get(EXPORT_ID);
    const link = await client.exports.downloadLink(EXPORT_ID);
    const sink = countingSink();
    const error = await failureOf(() => client.exports.download(link.url, sink, { maxBytes: record.file_size! }));
    expect(error).toMatchObject({ code: 'bad_response', message: expect.stringMatching(/larger than announced/) });
    expect(sink.bytes).toBeLessThanOrEqual(1024 + 64 * 1024); // at most the chunk that crossed the line
  });

  it('a Content-Length over the announced size fails before a byte is written', async () => {
    const { client } = hostileClient(server, 'zip-longer-declared');
    const link = await client.exports.downloadLink(EXPORT_ID);
    const sink = countingSink();
    const error = await failureOf(() => client.exports.download(link.url, sink, { maxBytes: 1024 }));
    expect(error).toMatchObject({ code: 'bad_response', message: expect.stringMatching(/larger than announced/) });
    expect(sink).toMatchObject({ bytes: 0, starts: 0 });
  });
});

describe('responses that break the contract are errors, not data', () => {
  it('a created key without its secret is bad_response', async () => {
    const { client } = hostileClient(server, 'key-without-secret');
    const error = await failureOf(() => client.apiKeys.create({ name: 'ci', role: 'member' }));
    expect(error).toMatchObject({ code: 'bad_response' });
    expect(error.message).toMatch(/POST \/key-without-secret\/api\/v1\/api-keys\//);
  });

  it('an upload-url answer that is not JSON is refused before any PUT', async () => {
    const { client } = hostileClient(server, 'html');
    expect(await failureOf(() => client.uploads.requestSlot(target))).toMatchObject({ code: 'bad_response' });
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});
