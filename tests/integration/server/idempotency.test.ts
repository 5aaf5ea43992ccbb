import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer, type TestServer } from '../../support/server';
import { call, imageId } from './helpers';

let now = Date.now();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
});
afterAll(() => server.close());

const exportBody = (name: string) => ({ dataset_name: STREET, name });

describe('Idempotency-Key', () => {
  it('replays the stored status and body with Idempotency-Replayed and no second side effect', async () => {
    const headers = { 'Idempotency-Key': 'create-1' };
    const first = await call(server, 'POST', '/exports/', { body: exportBody('idem-a'), headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const replay = await call(server, 'POST', '/exports/', { body: exportBody('idem-a'), headers });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(replay.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const list = await call(server, 'GET', '/exports/?limit=1000');
    expect(list.json.filter((e: { name: string }) => e.name === 'idem-a')).toHaveLength(1);
  });

  it('409 when reused with another body or path; other methods ignore the header', async () => {
    const headers = { 'Idempotency-Key': 'create-2' };
    await call(server, 'POST', '/exports/', { body: exportBody('idem-b'), headers });
    const otherBody = await call(server, 'POST', '/exports/', { body: exportBody('idem-c'), headers });
    expect(otherBody.status).toBe(409);
    expect(otherBody.json.error).toBe('conflict');
    const otherPath = await call(server, 'POST', '/images/upload-url', { body: {}, headers });
    expect(otherPath.status).toBe(409);
    expect((await call(server, 'GET', '/datasets/', { headers })).status).toBe(200);
  });

  it('stores 4xx outcomes too, scoped per API key', async () => {
    const headers = { 'Idempotency-Key': 'bad-body' };
    const first = await call(server, 'POST', '/exports/', { body: { name: 'x' }, headers });
    expect(first.status).toBe(422);
    const replay = await call(server, 'POST', '/exports/', { body: { name: 'x' }, headers });
    expect(replay.status).toBe(422);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    const otherKey = await call(server, 'POST', '/exports/', {
      key: server.keys.admin,
      body: exportBody('idem-d'),
      headers,
    });
    expect(otherKey.status).toBe(201);
    expect(otherKey.headers.get('idempotency-replayed')).toBeNull();
  });

  it('never stores 5xx: after an injected fault the retry runs for real', async () => {
    const headers = { 'Idempotency-Key': 'after-fault' };
    const fault = await call(server, 'POST', '/__local/faults', {
      key: null,
      body: { status: 503, count: 1, path_prefix: '/exports' },
    });
    expect(fault.status).toBe(204);
    const failed = await call(server, 'POST', '/exports/', { body: exportBody('idem-e'), headers });
    expect(failed.status).toBe(503);
    expect(failed.json.error).toBe('service_unavailable');
    const retried = await call(server, 'POST', '/exports/', { body: exportBody('idem-e'), headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotency-replayed')).toBeNull();
  });

  it('concurrent identical requests run the side effect once (others replay or get 409)', async () => {
    const id = await imageId(server, STREET, 'scene_001.png');
    const big = Array.from({ length: 10_000 }, (_, i) => ({
      id: `k${i}`,
      name: 'car',
      type: 'bbox',
      bounding_box: { x: i, y: 0, w: 1, h: 1 },
    }));
    const headers = { 'Idempotency-Key': 'slow-save' };
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(server, 'POST', `/annotations/${id}`, { body: { annotations: big }, headers }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const fresh = results.filter((r) => r.status === 200 && r.headers.get('idempotency-replayed') === null);
    expect(fresh).toHaveLength(1);
  });

  it('400 for an invalid key; entries expire after 24 h', async () => {
    for (const bad of ['', 'x'.repeat(256), 'tab\tkey', 'é']) {
      const res = await call(server, 'POST', '/exports/', {
        body: exportBody('never'),
        headers: { 'Idempotency-Key': bad },
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const headers = { 'Idempotency-Key': 'old' };
    await call(server, 'POST', '/exports/', { body: exportBody('idem-f'), headers });
    now += 24 * 3_600_000 + 1000;
    const reused = await call(server, 'POST', '/exports/', { body: exportBody('idem-g'), headers });
    expect(reused.status).toBe(201);
  });
});
