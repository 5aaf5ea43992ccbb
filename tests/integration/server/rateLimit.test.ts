import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { call } from './helpers';

let now = 1_800_000_000_000;
let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now, testMode: { rateLimitWindowMs: 10_000 } });
  const created = await call(server, 'POST', '/api/v1/api-keys/', {
    body: { name: 'limited', role: 'viewer', rate_limit: 3 },
  });
  key = created.json.key;
});
afterAll(() => server.close());

describe('sliding-window rate limit', () => {
  it('counts every request (errors included), then 429s without counting, then frees units as they leave the window', async () => {
    const first = await call(server, 'GET', '/datasets/', { key });
    expect(first.headers.get('x-ratelimit-limit')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((now + 10_000) / 1000)));

    now += 2_000;
    const notFound = await call(server, 'GET', '/nowhere', { key });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe('1');
    const third = await call(server, 'GET', '/datasets/00000000-0000-4000-8000-000000000000', { key });
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');

    // Rate-limited + unknown route → 429 (check 2 before check 4); 429s are not counted.
    for (const path of ['/datasets/', '/nowhere']) {
      const limited = await call(server, 'GET', path, { key });
      expect(limited.status).toBe(429);
      const reset = Math.ceil((1_800_000_000_000 + 10_000) / 1000);
      const retryAfter = Math.max(1, Math.ceil(reset - now / 1000));
      expect(limited.json).toEqual({
        error: 'rate_limit_exceeded',
        message: `Rate limit exceeded. Please retry after ${retryAfter} seconds.`,
        retry_after: retryAfter,
      });
      expect(limited.headers.get('retry-after')).toBe(String(retryAfter));
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('x-ratelimit-reset')).toBe(String(reset));
      expect(limited.headers.get('x-request-id')).toBeTruthy();
    }

    // The first unit leaves the window: exactly one request is allowed again.
    now = 1_800_000_000_000 + 10_001;
    const freed = await call(server, 'GET', '/datasets/', { key });
    expect(freed.status).toBe(200);
    expect(freed.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call(server, 'GET', '/datasets/', { key })).status).toBe(429);

    now += 20_000;
    const reset = await call(server, 'GET', '/datasets/', { key });
    expect(reset.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('is per key, and a 401 carries no rate-limit headers', async () => {
    const other = await call(server, 'GET', '/datasets/', { key: server.keys.viewer });
    expect(other.headers.get('x-ratelimit-limit')).toBe('5000');
    const unauthorized = await call(server, 'GET', '/datasets/', { key: null });
    expect(unauthorized.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('a PATCHed rate_limit applies to the next request', async () => {
    const list = await call(server, 'GET', '/api/v1/api-keys/?limit=1000');
    const id = (list.json as { id: string; name: string }[]).find((k) => k.name === 'limited')!.id;
    now += 60_000;
    await call(server, 'PATCH', `/api/v1/api-keys/${id}`, { body: { rate_limit: 10 } });
    const res = await call(server, 'GET', '/datasets/', { key });
    expect(res.headers.get('x-ratelimit-limit')).toBe('10');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('9');
  });
});
