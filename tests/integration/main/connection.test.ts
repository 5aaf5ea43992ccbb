import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../shared/ipc';
import { startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';

let server: TestServer;
let main: CoreHarness;

beforeAll(async () => {
  server = await startTestServer();
  main = await startCore();
});
afterAll(async () => {
  await main?.dispose();
  await server?.close();
});

const connectionEvents = (h: CoreHarness): ConnectionStatus[] =>
  h.events.filter((e) => e.name === 'event:connection').map((e) => e.payload as ConnectionStatus);

describe('connection', () => {
  it('connects with a good key: status connected, key prefix only, profile stored', async () => {
    const status = await main.ok('connection:connect', {
      baseUrl: `${server.url}/`,
      apiKey: server.keys.member,
      name: 'Local test',
    });
    expect(status).toMatchObject({
      state: 'connected',
      keyPrefix: server.keys.member.slice(0, 12),
      error: null,
      profile: { kind: 'custom', name: 'Local test', baseUrl: server.url, hasKey: true },
    });
    expect(['keychain', 'session-only']).toContain(status.keyStorage);
    expect(
      connectionEvents(main)
        .map((s) => s.state)
        .slice(-2),
    ).toEqual(['connecting', 'connected']);
    expect(await main.ok('connection:status', {})).toEqual(status);
    const profiles = await main.ok('connection:profiles', {});
    expect(profiles.map((p) => p.kind).sort()).toEqual(['cloud', 'custom', 'demo']);
  });

  it('reconnecting to the same address reuses the profile', async () => {
    const again = await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
    expect((await main.ok('connection:profiles', {})).filter((p) => p.kind === 'custom')).toEqual([again.profile]);
  });

  it.each([
    ['no scheme', '127.0.0.1:8787', /must start with http:\/\/ or https:\/\//],
    ['another scheme', 'ftp://example.com', /http:\/\/ or https:\/\//],
    ['a query', 'http://example.com/?x=1', /query/],
    ['credentials', 'http://user:pw@example.com', /user name or password/],
    ['garbage', 'http://exa mple.com', /not a valid URL/],
  ])('a bad URL (%s) is bad_url with a clear message', async (_label, baseUrl, message) => {
    const result = await main.call('connection:connect', { baseUrl, apiKey: server.keys.member });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_url', message: expect.stringMatching(message) } });
  });

  it('a failed attempt leaves the working session as it was', async () => {
    const before = await main.ok('connection:status', {});
    await main.call('connection:connect', { baseUrl: 'http://127.0.0.1:1', apiKey: server.keys.member });
    expect(await main.ok('connection:status', {})).toEqual(before);
    expect((await main.ok('datasets:list', {})).length).toBeGreaterThan(0);
  });
});

describe('connection failures, signed out', () => {
  let fresh: CoreHarness;
  beforeAll(async () => {
    fresh = await startCore();
  });
  afterAll(async () => {
    await fresh.dispose();
  });

  it('an unreachable host (a closed loopback port) says so and stores nothing', async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const result = await fresh.call('connection:connect', { baseUrl: url, apiKey: server.keys.member });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'network',
        message: expect.stringMatching(/Could not reach 127\.0\.0\.1:\d+: the connection was refused/),
      },
    });
    const status = await fresh.ok('connection:status', {});
    expect(status).toMatchObject({ state: 'signed-out', error: { code: 'network' } });
    expect((await fresh.ok('connection:profiles', {})).every((p) => !p.hasKey)).toBe(true);
  });

  it('a wrong key (right format, unknown to the server) is invalid_api_key and is not stored', async () => {
    const wrong = `pk_live_${'A'.repeat(43)}`;
    const result = await fresh.call('connection:connect', { baseUrl: server.url, apiKey: wrong });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_api_key', status: 401, message: expect.stringMatching(/not accepted/) },
    });
    expect((await fresh.ok('connection:profiles', {})).every((p) => !p.hasKey)).toBe(true);
  });

  it('a rate-limited key says when to try again', async () => {
    const headers = { 'X-API-Key': server.keys.admin, 'Content-Type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/api-keys/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'tiny', role: 'viewer', rate_limit: 1 }),
    });
    const { key } = (await created.json()) as { key: string };
    // Spend the one request of this hour.
    expect(
      (await fetch(`${server.url}/api/v1/developer/datasets/?limit=1`, { headers: { 'X-API-Key': key } })).status,
    ).toBe(200);
    const result = await fresh.call('connection:connect', { baseUrl: server.url, apiKey: key });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'rate_limited',
        status: 429,
        message: expect.stringMatching(/quota is used up\. Try again in \d+ min/),
        details: { retryAfterSeconds: expect.any(Number) },
      },
    });
  });
});

describe('viewer keys, resume, 401 and sign-out', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCore();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('reports the role of member, admin and owner keys (admins find themselves in the key list)', async () => {
    for (const role of ['member', 'admin', 'owner'] as const) {
      const connected = await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys[role] });
      expect(connected).toMatchObject({ state: 'connected', role });
    }
  });

  it('a viewer key connects and reads, but a save names the role it needs', async () => {
    const connected = await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.viewer });
    // The status says read-only up front (found through the 403 of the key routes).
    expect(connected).toMatchObject({ state: 'connected', role: 'viewer' });
    const [dataset] = await h.ok('datasets:list', {});
    const page = await h.ok('images:page', { datasetId: dataset!.id, limit: 1, offset: 0 });
    const imageId = page.items[0]!.id;
    const doc = await h.ok('annotations:get', { imageId });
    const result = await h.call('annotations:save', { imageId, annotations: doc.annotations, ifMatch: doc.etag });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        status: 403,
        message: expect.stringMatching(/needs an API key with the member role.*viewer role \(read-only\)/),
        details: { requiredRole: 'member', currentRole: 'viewer' },
      },
    });
    // A 403 is not a sign-out.
    expect((await h.ok('connection:status', {})).state).toBe('connected');
  });

  it('resume reconnects a stored profile with its stored key', async () => {
    const { profile } = await h.ok('connection:status', {});
    const resumed = await h.ok('connection:resume', { profileId: profile!.id });
    expect(resumed).toMatchObject({ state: 'connected', keyPrefix: server.keys.viewer.slice(0, 12) });
  });

  it('a 401 on a later call (key revoked) signs out, with the reason', async () => {
    const admin = { 'X-API-Key': server.keys.admin, 'Content-Type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/api-keys/`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'soon revoked', role: 'member' }),
    });
    const record = (await created.json()) as { id: string; key: string };
    await h.ok('connection:connect', { baseUrl: server.url, apiKey: record.key });
    expect(
      (await fetch(`${server.url}/api/v1/api-keys/${record.id}`, { method: 'DELETE', headers: admin })).status,
    ).toBe(204);
    // Asked of the server (a cached list would answer at once and learn of the 401 in the background).
    const result = await h.call('datasets:list', { refresh: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_api_key' } });
    const status = await h.ok('connection:status', {});
    expect(status).toMatchObject({ state: 'signed-out', keyPrefix: null, error: { code: 'invalid_api_key' } });
    expect(connectionEvents(h).at(-1)).toEqual(status);
    expect(await h.call('datasets:list', {})).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('being offline marks the session offline and keeps the key; back online it recovers by itself', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pictograph-offline-'));
    try {
      // A configured owner key survives the restart (keys a start generates are revoked by the next).
      const ownerKey = `pk_live_${'O'.repeat(43)}`;
      const own = await startTestServer({ dataDir, ownerKey });
      const status = await h.ok('connection:connect', { baseUrl: own.url, apiKey: ownerKey });
      const port = Number(new URL(own.url).port);
      await own.close();
      expect(await h.call('datasets:list', {})).toMatchObject({ ok: false, error: { code: 'network' } });
      expect(await h.ok('connection:status', {})).toMatchObject({
        state: 'offline',
        error: { code: 'network' },
        profile: { hasKey: true },
      });
      expect((await h.ok('connection:profiles', {})).find((p) => p.id === status.profile!.id)?.hasKey).toBe(true);
      // The same server (same data, same owner key) comes back on the same port.
      const back = await startTestServer({ dataDir, port, ownerKey });
      try {
        expect((await h.ok('datasets:list', {})).length).toBeGreaterThan(0);
        expect(await h.ok('connection:status', {})).toMatchObject({ state: 'connected', error: null });
      } finally {
        await back.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('resume with the server down comes back offline, keeping the profile and its key', async () => {
    const own = await startTestServer();
    const connected = await h.ok('connection:connect', { baseUrl: own.url, apiKey: own.keys.member });
    const profileId = connected.profile!.id;
    await own.close();
    const resumed = await h.call('connection:resume', { profileId });
    expect(resumed, 'offline is not a failure for a stored profile').toMatchObject({ ok: true });
    expect(await h.ok('connection:status', {})).toMatchObject({
      state: 'offline',
      keyPrefix: own.keys.member.slice(0, 12),
      error: {
        code: 'network',
        message: expect.stringMatching(/^Could not reach 127\.0\.0\.1:\d+: the connection was refused/),
      },
      profile: { id: profileId, hasKey: true },
    });
    expect((await h.ok('connection:profiles', {})).find((p) => p.id === profileId)?.hasKey).toBe(true);
  });

  it('disconnect forgets the key', async () => {
    await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
    const { profile } = await h.ok('connection:status', {});
    const status = await h.ok('connection:disconnect', {});
    expect(status).toMatchObject({ state: 'signed-out', keyPrefix: null, profile: { id: profile!.id, hasKey: false } });
    expect(await h.call('connection:resume', { profileId: profile!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    expect(await h.call('datasets:list', {})).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });
});
