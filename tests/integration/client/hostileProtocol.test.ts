import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../../electron/services/client/http';
import { startHostileServer } from '../../support/hostile-server';
import { closedPort } from '../../support/ports';
import type { HostileServer } from '../../support/hostile-server';
import { TEST_KEY, failureOf, hostileClient } from './hostileClient';

const IMAGE_ID = '10000000-0000-4000-8000-000000000001';
const DATASET_ID = '00000000-0000-4000-8000-000000000001';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const box = { id: 'a1', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } };
let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('retries and backoff (§13.3)', () => {
  it('retries a 503 burst and succeeds, with exponential delays', async () => {
    const { client, slept } = hostileClient(server, 'flaky-503');
    await client.testConnection();
    expect(slept).toEqual([1000, 2000]);
  });

  it('lets an interactive caller (the connect screen) give up after one retry', async () => {
    const { client, slept } = hostileClient(server, 'always-503');
    const e = await failureOf(() => client.testConnection(undefined, { retries: 1 }));
    expect(e).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(slept).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after 3 retries with the server message and request id', async () => {
    const { client, slept } = hostileClient(server, 'always-503');
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({ code: 'service_unavailable', status: 503, requestId: 'hostile-req' });
    expect(e.message).toMatch(/down for maintenance/);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('reuses one UUID v4 Idempotency-Key across the retries of a POST, and a fresh one per POST', async () => {
    const { client } = hostileClient(server, 'flaky-post');
    const saved = await client.saveAnnotations(IMAGE_ID, [box], { ifMatch: '"base"' });
    expect(saved).toEqual({
      result: { image_id: 'i', previous_count: 0, new_count: 1, status: 'in_progress' },
      etag: '"new"',
    });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID_V4);
    expect(keys[1]).toBe(keys[0]);
    expect(server.requests[0]?.headers['if-match']).toBe('"base"');
    await client.saveAnnotations(IMAGE_ID, [box], { ifMatch: null });
    expect(server.requests[2]?.headers['idempotency-key']).not.toBe(keys[0]);
    expect(server.requests[2]?.headers['if-match']).toBeUndefined();
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const transport = new HttpTransport({
      baseUrl: server.base('always-503'),
      apiKey: TEST_KEY,
      sleep: async () => undefined,
    });
    const e = await failureOf(() =>
      transport.send({
        method: 'POST',
        url: transport.base.api('/exports/'),
        kind: 'api',
        body: '{}',
        timing: 'json',
        maxBytes: 1000,
      }),
    );
    expect(e.code).toBe('service_unavailable');
    expect(server.requests).toHaveLength(1);
  });

  it('treats a 404 on a retried DELETE as success, but not on the first try', async () => {
    const transport = new HttpTransport({
      baseUrl: server.base('delete-retry'),
      apiKey: TEST_KEY,
      sleep: async () => undefined,
    });
    const request = {
      method: 'DELETE',
      url: transport.base.api(`/images/${IMAGE_ID}`),
      kind: 'api',
      timing: 'json',
      maxBytes: 1000,
    } as const;
    const response = await transport.send(request);
    expect(response.status).toBe(404);
    expect(server.requests).toHaveLength(2);
    expect(await failureOf(() => transport.send(request))).toMatchObject({ code: 'not_found' });
  });

  it('on 429 waits max(Retry-After, delay) and then succeeds', async () => {
    const { client, slept } = hostileClient(server, '429-short');
    await client.testConnection();
    expect(slept).toEqual([7000]);
  });

  it('a Retry-After over 120 s is reported at once, not waited out', async () => {
    const { client, slept } = hostileClient(server, '429-long');
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({ code: 'rate_limited', status: 429, details: { retryAfterSeconds: 3600 } });
    expect(e.message).toMatch(/60 min/);
    expect(slept).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('a spent quota with a far reset refuses the next call without sending it', async () => {
    const { client, rateLimits } = hostileClient(server, 'quota-zero');
    await client.testConnection();
    expect(client.rateLimit).toMatchObject({ limit: 10, remaining: 0 });
    expect(rateLimits).toHaveLength(1);
    expect(await failureOf(() => client.testConnection())).toMatchObject({ code: 'rate_limited' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('odd statuses and error shapes (§12)', () => {
  it.each([
    ['402-text', /Payment Required|HTTP 402/],
    ['402-json', /Upgrade your plan/],
    ['402-empty', /HTTP 402/],
  ])('%s is a 4xx by class', async (scenario, pattern) => {
    const { client } = hostileClient(server, scenario);
    const e = await failureOf(() => client.getDataset(DATASET_ID));
    expect(e).toMatchObject({ code: 'bad_request', status: 402 });
    expect(e.message).toMatch(pattern);
  });

  it('reads nested errors, bare detail strings and detail lists', async () => {
    expect(await failureOf(() => hostileClient(server, 'nested-error').client.getDataset(DATASET_ID))).toMatchObject({
      code: 'not_found',
      message: 'Dataset is gone',
    });
    expect(await failureOf(() => hostileClient(server, 'detail-string').client.testConnection())).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/limit must be a number/),
    });
    const e = await failureOf(() =>
      hostileClient(server, 'detail-list').client.saveAnnotations(IMAGE_ID, [box], { ifMatch: null }),
    );
    expect(e).toMatchObject({ code: 'validation_error', status: 422 });
    expect(e.details).toMatchObject({
      problems: [{ index: 0, field: 'bounding_box.w', message: 'ensure this value is greater than 0' }],
    });
  });

  it('pages a {data, pagination} envelope until has_more is false, even when the server clamps', async () => {
    const { client } = hostileClient(server, 'envelope');
    const datasets = await client.listDatasets();
    expect(datasets).toHaveLength(60);
    expect(new Set(datasets.map((d) => d.id)).size).toBe(60);
    expect(server.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('offset'))).toEqual([
      '0',
      '25',
      '50',
    ]);
    expect((await client.getDataset(DATASET_ID)).slug).toBe('dataset-1');
    const meta = await client.getImageMetadata(IMAGE_ID);
    expect(meta).toMatchObject({ mime_type: 'image/webp', status: 'annotate' });
  });

  it('counts the total by paging when X-Total-Count is absent', async () => {
    const { client } = hostileClient(server, 'no-total');
    const page = await client.listImages({ datasetId: DATASET_ID, limit: 1000, offset: 0 });
    expect(page.items).toHaveLength(1000);
    expect(page.total).toBe(2500);
    server.reset();
    const short = await client.listImages({ datasetId: DATASET_ID, limit: 1000, offset: 2000 });
    expect(short).toMatchObject({ total: 2500 });
    expect(server.requests).toHaveLength(1);
    let seen = 0;
    for await (const images of client.iterateImages({
      datasetId: DATASET_ID,
      filters: { status: 'new', includeArchived: false },
    }))
      seen += images.length;
    expect(seen).toBe(2500);
    expect(server.requests.at(-1)?.path).toMatch(
      /dataset_id=.*&status=new&include_archived=false&limit=1000&offset=2000/,
    );
  });

  it('refuses to page forever against a server that ignores offset', async () => {
    const { client } = hostileClient(server, 'ignore-offset');
    expect(await failureOf(() => client.listImages({ datasetId: DATASET_ID, limit: 1000, offset: 0 }))).toMatchObject({
      code: 'bad_response',
    });
  });

  it('rejects invalid annotations locally without spending a request', async () => {
    const { client } = hostileClient(server, 'ok');
    const e = await failureOf(() =>
      client.saveAnnotations(IMAGE_ID, [box, { ...box, bounding_box: { x: 0, y: 0, w: 0, h: 1 } }], { ifMatch: null }),
    );
    expect(e).toMatchObject({
      code: 'validation_error',
      details: {
        problems: [
          { index: 1, field: 'id' },
          { index: 1, field: 'bounding_box.w' },
        ],
      },
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('unreachable servers', () => {
  it('says the connection was refused', async () => {
    const port = await closedPort();
    const { client } = hostileClient(server, 'ok', { baseUrl: `http://127.0.0.1:${port}`, retries: 1 });
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({
      code: 'network',
      message: `Could not reach 127.0.0.1:${port}: the connection was refused (is the server running on that port?).`,
    });
  });

  it('says a port fetch blocks (here 9, "discard") is the problem, without retrying', async () => {
    const { client, slept } = hostileClient(server, 'ok', { baseUrl: 'http://127.0.0.1:9' });
    const e = await failureOf(() => client.testConnection());
    expect(e).toMatchObject({
      code: 'bad_url',
      message: expect.stringMatching(/^Cannot connect to 127\.0\.0\.1:9: port 9 /),
    });
    expect(slept).toEqual([]);
  });

  it('says the host name could not be resolved', async () => {
    // .invalid is reserved (RFC 6761): it never resolves, online or offline.
    const { client } = hostileClient(server, 'ok', { baseUrl: 'http://no-such-host.invalid', retries: 0 });
    expect(await failureOf(() => client.testConnection())).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/no-such-host\.invalid.*could not be resolved/),
    });
  });
});
