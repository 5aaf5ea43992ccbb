import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { call } from './helpers';

let now = Date.now();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
});
afterAll(() => server.close());

const KEYS = '/api/v1/api-keys/';

describe('POST /api/v1/api-keys/', () => {
  it('201 with the secret shown once; later reads never include it', async () => {
    const res = await call(server, 'POST', KEYS, {
      key: server.keys.admin,
      body: { name: 'ci bot', role: 'member', rate_limit: 120 },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'ci bot',
      key_prefix: res.json.key.slice(0, 12),
      role: 'member',
      rate_limit: 120,
      is_active: true,
      last_used_at: null,
      created_at: expect.any(String),
      expires_at: null,
      key: expect.stringMatching(/^pk_live_[A-Za-z0-9_-]{43}$/),
    });
    const fetched = await call(server, 'GET', `${KEYS}${res.json.id}`, { key: server.keys.admin });
    expect(fetched.json.key).toBeUndefined();
    expect(fetched.text).not.toContain(res.json.key);
    const used = await call(server, 'GET', '/datasets/', { key: res.json.key });
    expect(used.status).toBe(200);
    expect((await call(server, 'GET', `${KEYS}${res.json.id}`)).json.last_used_at).toEqual(expect.any(String));
  });

  it('defaults role member and rate_limit 5000; 403 above the caller role; 422 bad fields and past expiry', async () => {
    const plain = await call(server, 'POST', KEYS, { key: server.keys.admin, body: { name: 'defaults' } });
    expect(plain.json).toMatchObject({ role: 'member', rate_limit: 5000 });
    const tooHigh = await call(server, 'POST', KEYS, { key: server.keys.admin, body: { name: 'x', role: 'owner' } });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.json.details).toEqual({ required_role: 'owner', current_role: 'admin' });
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'x', role: 'god' },
      { name: 'x', rate_limit: 0 },
      { name: 'x', rate_limit: 100_001 },
      { name: 'x', expires_at: 'tomorrow' },
      { name: 'x', expires_at: new Date(now - 1000).toISOString() },
      { name: 'x', scopes: [] },
    ]) {
      const res = await call(server, 'POST', KEYS, { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it('an expiring key stops working after expires_at', async () => {
    const res = await call(server, 'POST', KEYS, {
      body: { name: 'temp', role: 'viewer', expires_at: new Date(now + 60_000).toISOString() },
    });
    expect(res.status).toBe(201);
    expect((await call(server, 'GET', '/datasets/', { key: res.json.key })).status).toBe(200);
    now += 61_000;
    expect((await call(server, 'GET', '/datasets/', { key: res.json.key })).status).toBe(401);
  });
});

describe('listing, reading and changing keys', () => {
  it('lists keys with role ≤ caller, ordered by created_at, with X-Total-Count', async () => {
    const admin = await call(server, 'GET', `${KEYS}?limit=1000`, { key: server.keys.admin });
    expect(admin.json.every((k: { role: string }) => k.role !== 'owner')).toBe(true);
    expect(admin.headers.get('x-total-count')).toBe(String(admin.json.length));
    const owner = await call(server, 'GET', `${KEYS}?limit=1000`);
    expect(owner.json.some((k: { role: string }) => k.role === 'owner')).toBe(true);
    const times = (owner.json as { created_at: string }[]).map((k) => k.created_at);
    expect(times).toEqual([...times].sort());
  });

  it('admin cannot read, patch or delete an owner key (403 naming its role)', async () => {
    const owner = (await call(server, 'GET', `${KEYS}?limit=1000`)).json.find(
      (k: { role: string }) => k.role === 'owner',
    );
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await call(server, method, `${KEYS}${owner.id}`, {
        key: server.keys.admin,
        body: method === 'PATCH' ? { name: 'x' } : undefined,
      });
      expect(res.status).toBe(403);
      expect(res.json.details).toEqual({ required_role: 'owner', current_role: 'admin' });
    }
  });

  it('PATCH changes name, rate_limit (null resets) and is_active; role and expires_at are 422', async () => {
    const created = await call(server, 'POST', KEYS, { body: { name: 'patch me', rate_limit: 10 } });
    const path = `${KEYS}${created.json.id}`;
    expect((await call(server, 'PATCH', path, { body: { name: 'renamed', rate_limit: 50 } })).json).toMatchObject({
      name: 'renamed',
      rate_limit: 50,
    });
    expect((await call(server, 'PATCH', path, { body: { rate_limit: null } })).json.rate_limit).toBe(5000);
    for (const body of [
      {},
      { role: 'viewer' },
      { expires_at: null },
      { is_active: 'no' },
      { name: '' },
      { other: 1 },
    ]) {
      expect((await call(server, 'PATCH', path, { body })).status, JSON.stringify(body)).toBe(422);
    }
    const off = await call(server, 'PATCH', path, { body: { is_active: false } });
    expect(off.json.is_active).toBe(false);
    expect((await call(server, 'GET', '/datasets/', { key: created.json.key })).status).toBe(401);
    await call(server, 'PATCH', path, { body: { is_active: true } });
    expect((await call(server, 'GET', '/datasets/', { key: created.json.key })).status).toBe(200);
  });

  it('DELETE revokes at once; the record is gone; a key may delete itself', async () => {
    const created = await call(server, 'POST', KEYS, { body: { name: 'short', role: 'admin' } });
    const self = await call(server, 'DELETE', `${KEYS}${created.json.id}`, { key: created.json.key });
    expect(self.status).toBe(204);
    expect((await call(server, 'GET', '/datasets/', { key: created.json.key })).status).toBe(401);
    expect((await call(server, 'GET', `${KEYS}${created.json.id}`)).status).toBe(404);
    expect((await call(server, 'DELETE', `${KEYS}${created.json.id}`)).status).toBe(404);
  });
});
