import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_BYTES, startHostileServer } from '../../support/hostile-server';
import type { HostileServer } from '../../support/hostile-server';
import { TEST_KEY, failureOf, hostileClient } from './hostileClient';

const IMAGE_ID = '10000000-0000-4000-8000-000000000001';
let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

/** Every header value the other origin ever received, flattened, to look for the key anywhere. */
const everythingOtherSaw = (): string => JSON.stringify(server.other.requests);

describe('the key goes only to the configured origin (§13.1)', () => {
  it('is sent to the configured API, never as a Bearer token', async () => {
    const { client } = hostileClient(server, 'ok');
    await client.testConnection();
    expect(server.requests[0]?.headers['x-api-key']).toBe(TEST_KEY);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.path).toBe('/ok/api/v1/developer/datasets/?limit=1');
  });

  it('image bytes redirected to another origin are fetched there without the key', async () => {
    const { client } = hostileClient(server, 'redirect-out');
    const result = await client.getImageBytes(IMAGE_ID, { etag: '"old"' });
    expect(result).toMatchObject({ notModified: false, contentType: 'image/png', etag: '"other"' });
    expect(result.notModified === false && [...result.bytes]).toEqual([...IMAGE_BYTES]);
    expect(server.requests[0]?.headers['x-api-key']).toBe(TEST_KEY);
    expect(server.other.requests).toHaveLength(1);
    expect(server.other.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect(everythingOtherSaw()).not.toContain(TEST_KEY);
  });

  it('a JSON call redirected to another origin goes there without the key', async () => {
    const { client } = hostileClient(server, 'redirect-out-json');
    const datasets = await client.listDatasets();
    expect(datasets[0]?.name).toBe('Dataset 9');
    expect(server.other.requests.length).toBeGreaterThan(0);
    expect(everythingOtherSaw()).not.toContain(TEST_KEY);
  });

  it('a same-origin redirect keeps the key', async () => {
    const { client } = hostileClient(server, 'redirect-same');
    const result = await client.getImageBytes(IMAGE_ID);
    expect(result.notModified).toBe(false);
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual([TEST_KEY, TEST_KEY]);
    expect(server.requests[1]?.path).toMatch(/\/moved$/);
  });

  it('redirect loops stop after 5 hops; odd schemes are refused', async () => {
    const loop = hostileClient(server, 'redirect-loop');
    expect(await failureOf(() => loop.client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/more than 5 times/),
    });
    expect(server.requests).toHaveLength(6);
    const scheme = hostileClient(server, 'redirect-bad-scheme');
    expect(await failureOf(() => scheme.client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/unsupported scheme/),
    });
  });

  it('signed URLs from a listing go without the key; API URLs in bodies are re-rooted on our origin', async () => {
    const { client } = hostileClient(server, 'signed-listing');
    const listing = await client.getDownloadListing('00000000-0000-4000-8000-000000000001', { mode: 'full', limit: 5 });
    const item = listing.items[0]!;
    expect(server.requests[0]?.path).toBe(
      '/signed-listing/api/v1/developer/datasets/00000000-0000-4000-8000-000000000001/download?mode=full&limit=5',
    );

    const signed = await client.fetchBodyUrl(item.image_url!);
    expect(signed.notModified).toBe(false);
    expect(server.other.requests).toHaveLength(1);
    expect(server.other.requests[0]?.path).toMatch(/^\/blob\/.*sig=abc/);
    expect(everythingOtherSaw()).not.toContain(TEST_KEY);

    // The body names https://api.pictograph.io/…: it must reach *our* origin, with the key.
    server.reset();
    await client.fetchBodyUrl(item.annotation_url!);
    expect(server.other.requests).toHaveLength(0);
    expect(server.requests[0]?.path).toMatch(/^\/signed-listing\/api\/v1\/developer\/images\//);
    expect(server.requests[0]?.headers['x-api-key']).toBe(TEST_KEY);
  });

  it('a server that echoes the key never gets it into an error or a log line', async () => {
    const { client, logs } = hostileClient(server, 'echo-key');
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({ code: 'server_error', status: 500 });
    expect(e.message).toContain('[redacted]');
    expect(JSON.stringify({ message: e.message, details: e.details })).not.toContain(TEST_KEY);
    expect(logs.length).toBe(3);
    expect(JSON.stringify(logs)).not.toContain(TEST_KEY);
  });
});
