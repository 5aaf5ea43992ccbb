import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostileServer } from '../../support/hostile-server';
import type { HostileServer } from '../../support/hostile-server';
import { failureOf, hostileClient } from './hostileClient';

const IMAGE_ID = '10000000-0000-4000-8000-000000000001';
let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('malformed 2xx bodies are errors, never data', () => {
  it.each([
    ['wrong-types', /image_count/],
    ['html', /expected JSON but got "text\/html"/],
    ['truncated', /malformed or truncated/],
  ])('%s → bad_response', async (scenario, pattern) => {
    const { client } = hostileClient(server, scenario);
    const e = await failureOf(() => client.listDatasets());
    expect(e).toMatchObject({ code: 'bad_response', status: 200 });
    expect(e.message).toMatch(pattern);
  });

  it('an HTML page where image bytes belong is bad_response', async () => {
    const { client } = hostileClient(server, 'html');
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: /text\/html instead of image bytes/,
    });
  });
});

describe('huge and endless bodies are cut off', () => {
  it('a 100 MB JSON body stops at the 16 MiB cap', async () => {
    const { client } = hostileClient(server, 'huge');
    expect(await failureOf(() => client.listDatasets())).toMatchObject({
      code: 'bad_response',
      message: /larger than 16 MiB/,
    });
  });

  it('a 100 MB image stops at the 60 MiB cap', async () => {
    const { client } = hostileClient(server, 'huge');
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: /larger than 60 MiB/,
    });
  });

  it('a declared oversize Content-Length fails before reading', async () => {
    const { client } = hostileClient(server, 'huge-declared');
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: /larger than 60 MiB/,
    });
    expect(await failureOf(() => client.testConnection())).toMatchObject({
      code: 'bad_response',
      message: /larger than 16 MiB/,
    });
  });

  it('an endless stream ends at the cap for JSON and for bytes', async () => {
    const { client } = hostileClient(server, 'endless');
    expect(await failureOf(() => client.testConnection())).toMatchObject({ code: 'bad_response' });
    expect(await failureOf(() => client.getThumbnail(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: /16 MiB/,
    });
  });

  it('a trickling body hits the JSON deadline, and the total deadline for bytes', async () => {
    const { client } = hostileClient(server, 'trickle', { retries: 0, byteTotalTimeoutMs: 1_500 });
    expect(await failureOf(() => client.testConnection())).toMatchObject({
      code: 'timeout',
      message: /did not answer within 1\.5 s/,
    });
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'timeout',
      message: /did not finish the transfer/,
    });
  });
});

describe('stalls and dropped connections', () => {
  it('a server that never answers times out, retried then reported', async () => {
    const { client, slept } = hostileClient(server, 'stall', { retries: 1, jsonTimeoutMs: 300 });
    expect(await failureOf(() => client.testConnection())).toMatchObject({ code: 'timeout' });
    expect(slept).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('a body that stops mid-way trips the idle timer of a byte transfer', async () => {
    const { client } = hostileClient(server, 'stall-body', { retries: 0, byteIdleTimeoutMs: 300 });
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'timeout',
      message: /sent nothing for 0\.3 s/,
    });
  });

  it.each(['drop', 'short-body', 'drop-before-headers'])('%s → network error after the retries', async (scenario) => {
    const { client, slept } = hostileClient(server, scenario);
    const e = await failureOf(() => client.testConnection());
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/127\.0\.0\.1:\d+/);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('a connection dropped once is retried and succeeds', async () => {
    const { client, slept } = hostileClient(server, 'drop-once');
    await client.testConnection();
    expect(slept).toEqual([1000]);
  });

  it('cancelling a stalled request ends it promptly with cancelled', async () => {
    const { client } = hostileClient(server, 'stall', { jsonTimeoutMs: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await failureOf(() => client.testConnection(controller.signal))).toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
