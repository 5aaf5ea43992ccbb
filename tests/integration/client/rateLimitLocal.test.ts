import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PictographClient } from '../../../electron/services/client';
import { abortableSleep } from '../../../electron/services/client/backoff';
import { startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';

const WINDOW_MS = 2_000;
let server: TestServer;
let lowKey: string;

/** Real sleeping (the window is short), recorded so the waits can be asserted. */
function recordingClient(apiKey: string) {
  const slept: number[] = [];
  const client = new PictographClient({
    baseUrl: server.url,
    apiKey,
    sleep: (ms, signal) => {
      slept.push(ms);
      return abortableSleep(ms, signal);
    },
  });
  return { client, slept };
}

beforeAll(async () => {
  server = await startTestServer({ testMode: { rateLimitWindowMs: WINDOW_MS } });
  const res = await fetch(`${server.url}/api/v1/api-keys/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': server.keys.owner },
    body: JSON.stringify({ name: 'low quota', role: 'viewer', rate_limit: 3 }),
  });
  expect(res.status).toBe(201);
  lowKey = ((await res.json()) as { key: string }).key;
});
afterAll(async () => {
  await server?.close();
});

describe('rate limiting against pictograph-local (short test-mode window)', () => {
  it('waits for the reset when the quota is spent, then goes on', async () => {
    const { client, slept } = recordingClient(lowKey);
    for (let i = 0; i < 3; i++) await client.testConnection();
    expect(client.rateLimit).toMatchObject({ limit: 3, remaining: 0 });
    await client.testConnection();
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(0);
    expect(slept[0]).toBeLessThanOrEqual(WINDOW_MS + 1_000);
  });

  it('a client that did not see the quota gets a 429, waits Retry-After and retries', async () => {
    const spender = recordingClient(lowKey);
    // Spend whatever is left of the window so the next request is answered 429.
    while ((spender.client.rateLimit?.remaining ?? 1) > 0) await spender.client.testConnection();
    const fresh = recordingClient(lowKey);
    await fresh.client.testConnection();
    expect(fresh.slept).toHaveLength(1);
    // max(Retry-After, backoff): Retry-After is ≥ 1 s, and backoff's first delay is 0.75–1.25 s.
    expect(fresh.slept[0]).toBeGreaterThanOrEqual(750);
    expect(fresh.slept[0]).toBeLessThanOrEqual(WINDOW_MS + 1_250);
  });
});
