import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JSON_CAP_BYTES, startHostileServer } from '../../support/hostile-server';
import type { HostileServer } from '../../support/hostile-server';
import { failureOf, hostileClient } from './hostileClient';

const IMAGE_ID = '10000000-0000-4000-8000-000000000001';
let server: HostileServer;

/**
 * Runs a call that must fail, but gives up after `boundMs` by our own clock, so a deadline that
 * never fires fails the test with a clear message instead of vitest's timeout. The call is then
 * cancelled, so it cannot outlive the test.
 */
async function settleWithin(
  call: (signal: AbortSignal) => Promise<unknown>,
  boundMs: number,
): Promise<{ outcome: Record<string, unknown> | 'unsettled'; elapsed: number }> {
  const controller = new AbortController();
  const started = performance.now();
  let bound: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    failureOf(() => call(controller.signal)),
    new Promise<'unsettled'>((resolve) => (bound = setTimeout(() => resolve('unsettled'), boundMs))),
  ]);
  const elapsed = performance.now() - started;
  clearTimeout(bound);
  controller.abort();
  return { outcome, elapsed };
}

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
      message: expect.stringMatching(/text\/html instead of image bytes/),
    });
  });
});

describe('huge and endless bodies are cut off', () => {
  it('a 100 MB JSON body stops at the 16 MiB cap', async () => {
    const { client } = hostileClient(server, 'huge');
    expect(await failureOf(() => client.listDatasets())).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/larger than 16 MiB/),
    });
  });

  it('a 100 MB image stops at the 60 MiB cap', async () => {
    const { client } = hostileClient(server, 'huge');
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/larger than 60 MiB/),
    });
  });

  it('a declared oversize Content-Length fails before reading', async () => {
    const { client } = hostileClient(server, 'huge-declared');
    expect(await failureOf(() => client.getImageBytes(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/larger than 60 MiB/),
    });
    expect(await failureOf(() => client.testConnection())).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/larger than 16 MiB/),
    });
  });

  it('an endless stream ends at the cap for JSON and for bytes', async () => {
    const { client } = hostileClient(server, 'endless');
    expect(await failureOf(() => client.testConnection())).toMatchObject({ code: 'bad_response' });
    expect(await failureOf(() => client.getThumbnail(IMAGE_ID))).toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/16 MiB/),
    });
  });

  it('a JSON body of exactly 16 MiB is read; one byte more is refused with the size message', async () => {
    expect(await hostileClient(server, 'json-at-cap').client.listDatasets()).toEqual([]);
    const e = await failureOf(() => hostileClient(server, 'json-over-cap').client.listDatasets());
    expect(e).toMatchObject({ code: 'bad_response', details: { maxBytes: JSON_CAP_BYTES } });
    expect(e.message).toBe(
      'The response to GET /json-over-cap/api/v1/developer/datasets/ is larger than 16 MiB; it was not read.',
    );
  });

  // A byte every 40 ms keeps every gap far inside the timeouts below: only a total deadline ends it.
  it('a trickling JSON body ends at the JSON deadline, which no chunk resets', async () => {
    const jsonTimeoutMs = 400;
    const { client } = hostileClient(server, 'trickle', {
      retries: 0,
      jsonTimeoutMs,
      byteIdleTimeoutMs: jsonTimeoutMs,
    });
    const { outcome, elapsed } = await settleWithin((signal) => client.testConnection(signal), jsonTimeoutMs * 3);
    expect(outcome, 'still reading the trickle at 3× the JSON deadline').not.toBe('unsettled');
    expect(outcome).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/did not answer within 0\.4 s\.$/),
    });
    expect(elapsed).toBeGreaterThanOrEqual(jsonTimeoutMs - 50);
    expect(elapsed).toBeLessThan(jsonTimeoutMs * 3);
  }, 5_000);

  it('a trickling image ends at the total deadline of a byte transfer', async () => {
    const byteTotalTimeoutMs = 600;
    const { client } = hostileClient(server, 'trickle', { retries: 0, byteIdleTimeoutMs: 400, byteTotalTimeoutMs });
    const { outcome, elapsed } = await settleWithin(
      (signal) => client.getImageBytes(IMAGE_ID, { signal }),
      byteTotalTimeoutMs * 3,
    );
    expect(outcome, 'still reading the trickle at 3× the total deadline').not.toBe('unsettled');
    expect(outcome).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/did not finish the transfer within 0\.6 s\.$/),
    });
    expect(elapsed).toBeLessThan(byteTotalTimeoutMs * 3);
  }, 5_000);
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
      message: expect.stringMatching(/sent nothing for 0\.3 s/),
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
