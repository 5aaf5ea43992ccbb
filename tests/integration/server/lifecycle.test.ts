import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer } from '../../support/server';
import { call, datasetId, imageId } from './helpers';

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe('restart', () => {
  it('keeps datasets, images, annotations, API-created keys and exports; the given owner key keeps working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pictograph-restart-'));
    cleanup.push(dir);
    const ownerKey = `pk_live_${'R'.repeat(43)}`;
    const first = await startTestServer({ dataDir: dir, ownerKey });
    expect(first.keys.owner).toBe(ownerKey);
    const id = await imageId(first, STREET, 'scene_000.png');
    const save = await call(first, 'POST', `/annotations/${id}`, {
      body: { annotations: [{ id: 'kept', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 2, h: 2 } }] },
    });
    const minted = await call(first, 'POST', '/api/v1/api-keys/', { body: { name: 'survivor', role: 'viewer' } });
    const exported = await call(first, 'POST', '/exports/', { body: { dataset_name: STREET, name: 'survives' } });
    const before = await call(first, 'GET', '/datasets/');
    const streetId = await datasetId(first, STREET);
    await first.close();

    const second = await startTestServer({ dataDir: dir, ownerKey });
    try {
      expect((await call(second, 'GET', '/datasets/')).json).toEqual(before.json);
      const got = await call(second, 'GET', `/annotations/${id}`);
      expect(got.headers.get('etag')).toBe(save.headers.get('etag'));
      expect(got.json.annotations[0].id).toBe('kept');
      expect((await call(second, 'GET', '/datasets/', { key: minted.json.key })).status).toBe(200);
      // Keys a start generated (their secrets were printed once) are revoked by the next start;
      // keys created through the API survive.
      expect((await call(second, 'GET', '/datasets/', { key: first.keys.viewer })).status).toBe(401);
      expect((await call(second, 'GET', '/datasets/', { key: second.keys.viewer })).status).toBe(200);
      const keys = await call(second, 'GET', '/api/v1/api-keys/');
      expect(keys.json.filter((k: { name: string }) => k.name.endsWith('(generated at start)'))).toHaveLength(3);
      const exp = await call(second, 'GET', `/exports/${exported.json.id}`);
      expect(exp.status).toBe(200);
      expect((await call(second, 'GET', `/images/${id}`)).status).toBe(200);
      expect(await datasetId(second, STREET)).toBe(streetId);
    } finally {
      await second.close();
    }
  });
});

describe('seeding', () => {
  it('a bad fixture fails the start with a clear message and leaves the data dir unseeded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pictograph-badseed-'));
    cleanup.push(dir);
    const good = await startTestServer({ dataDir: dir, seed: { datasets: [] } });
    await good.close();
    const bad = {
      datasets: [
        {
          name: 'Bad',
          description: null,
          annotation_types: ['bbox'],
          classes: [{ name: 'car', color: '#ffffff' }],
          images: [
            {
              filename: '../up.png',
              directory_path: '/',
              mime_type: 'image/png',
              width: 1,
              height: 1,
              status: 'new' as const,
              file: '/nonexistent',
              annotations: [],
            },
          ],
        },
      ],
    };
    const dir2 = await mkdtemp(join(tmpdir(), 'pictograph-badseed-'));
    cleanup.push(dir2);
    await expect(startTestServer({ dataDir: dir2, seed: bad })).rejects.toThrow(
      /seed image .*\.\.\/up\.png.*must not contain/,
    );
    const retry = await startTestServer({ dataDir: dir2, seed: { datasets: [] } });
    try {
      expect((await call(retry, 'GET', '/datasets/')).json).toEqual([]);
    } finally {
      await retry.close();
    }
  });
});

describe('fault injection (test mode)', () => {
  it('fails the next `count` matching requests, then recovers; validates its body', async () => {
    const server = await startTestServer();
    try {
      const set = await call(server, 'POST', '/__local/faults', {
        key: null,
        body: { status: 502, count: 2, path_prefix: '/api/v1/developer/datasets' },
      });
      expect(set.status).toBe(204);
      expect((await call(server, 'GET', '/exports/')).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const res = await call(server, 'GET', '/datasets/');
        expect(res.status).toBe(502);
        expect(res.json.error).toBe('bad_gateway');
        expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
      }
      expect((await call(server, 'GET', '/datasets/')).status).toBe(200);
      await call(server, 'POST', '/__local/faults', { key: null, body: { status: 500, count: 1 } });
      expect((await call(server, 'GET', '/exports/')).status).toBe(500);
      for (const body of [
        { status: 404, count: 1 },
        { status: 500 },
        { status: 500, count: 0 },
        { status: 500, count: 1, extra: 1 },
      ]) {
        expect((await call(server, 'POST', '/__local/faults', { key: null, body })).status).toBe(422);
      }
      expect((await call(server, 'GET', '/__local/faults', { key: null })).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('is 404 when test mode is off', async () => {
    const previous = process.env.PICTOGRAPH_LOCAL_TEST_MODE;
    delete process.env.PICTOGRAPH_LOCAL_TEST_MODE;
    const server = await startTestServer({ testMode: false });
    try {
      expect(
        (await call(server, 'POST', '/__local/faults', { key: null, body: { status: 500, count: 1 } })).status,
      ).toBe(404);
    } finally {
      await server.close();
      if (previous !== undefined) process.env.PICTOGRAPH_LOCAL_TEST_MODE = previous;
    }
  });
});

describe('shutdown', () => {
  it('close() lets an in-flight request finish (its body still arriving), then refuses new connections', async () => {
    const server = await startTestServer();
    const id = await imageId(server, STREET, 'scene_001.png');
    const body = Buffer.from(
      JSON.stringify({
        annotations: [{ id: 'late', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 1, h: 1 } }],
      }),
    );
    const url = new URL(`${server.url}/api/v1/developer/annotations/${id}`);
    const response = new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json', 'Content-Length': body.length },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      // Headers are out; give the server ample time to start handling, then close it mid-request.
      setTimeout(() => {
        closing = server.close();
        setTimeout(() => req.end(body.subarray(10)), 200);
      }, 300);
    });
    let closing: Promise<void> | undefined;
    expect(await response).toBe(200);
    await closing;
    await expect(fetch(`${server.url}/api/v1/developer/datasets/`)).rejects.toThrow();
  });

  it('the CLI prints the URL and four keys and exits 0 on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pictograph-cli-'));
    cleanup.push(dir);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', dir, '--seed', 'none'],
      {
        cwd: process.cwd(),
        env: { ...process.env, PICTOGRAPH_LOCAL_API_KEY: `pk_live_${'C'.repeat(43)}` },
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!/viewer key: pk_live_/.test(out) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain(`owner  key: pk_live_${'C'.repeat(43)}`);
    expect(out.match(/key: pk_live_[A-Za-z0-9_-]{43}/g)).toHaveLength(4);
    const url = /listening on (\S+)/.exec(out)![1]!;
    const res = await fetch(`${url}/api/v1/developer/datasets/`, {
      headers: { 'X-API-Key': `pk_live_${'C'.repeat(43)}` },
    });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
