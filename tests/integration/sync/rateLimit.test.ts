import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import type { SyncStatus } from '../../../shared/ipc';
import type { TestServer } from '../../support/server';
import { startTestServer } from '../../support/server';
import { startOfflineApp } from '../offline/support/offlineApp';
import type { OfflineApp } from '../offline/support/offlineApp';
import { startSwitchableProxy } from './support/switchableProxy';
import type { ProxiedRequest, SwitchableProxy } from './support/switchableProxy';
import { FAST_SYNC, resetImage, serverList, streetImagesWith } from './support/sync';

/** The member key's quota per window (§3), and a window short enough to wait out in a test. */
const QUOTA = 5;
const WINDOW_MS = 3_000;
const SAVES = 8;

const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });

let server: TestServer;
let proxy: SwitchableProxy;
let dir: string;
let app: OfflineApp;
let images: string[];
/** A member key of its own with the small quota; the owner key (checks, fixtures) keeps the default. */
let key: string;

async function createSmallKey(): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/api-keys/`, {
    method: 'POST',
    headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'small quota', role: 'member', rate_limit: QUOTA }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

beforeAll(async () => {
  server = await startTestServer({ testMode: { rateLimitWindowMs: WINDOW_MS } });
  proxy = await startSwitchableProxy(server.url);
  key = await createSmallKey();
  images = (await streetImagesWith(server, 0)).slice(0, SAVES);
  expect(images).toHaveLength(SAVES);
  for (const imageId of images) await resetImage(server, imageId);
  dir = await mkdtemp(join(tmpdir(), 'sync-quota-'));
  // The client's waits are real here (the quota's window is), and it does not retry a 429 itself:
  // a 429 it could not foresee goes straight to the engine, as a wait beyond two minutes does.
  app = await startOfflineApp(dir, undefined, { client: { sleep: realSleep, retries: 0 }, sync: FAST_SYNC });
  await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: key });
});
afterAll(async () => {
  await app?.core.dispose();
  await proxy?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const boxes = (mark: string): Annotation[] => [
  { id: `q-${mark}`, name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } } as Annotation,
];

async function syncStatusUntil(done: (s: SyncStatus) => boolean, timeoutMs: number): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await app.ok('sync:status', {});
    if (done(status)) return status;
    if (Date.now() > deadline) expect.fail(`sync did not get there: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const savesOf = (requests: readonly ProxiedRequest[], imageId: string) =>
  requests.filter((r) => r.method === 'POST' && r.path.split('?')[0] === `/api/v1/developer/annotations/${imageId}`);

describe('the sync engine and a spent quota (§3; docs/offline.md "Failures")', () => {
  it(`${SAVES} queued saves over a quota of ${QUOTA}: the flush waits for the window instead of spending a 429`, async () => {
    proxy.up = false;
    for (const [i, imageId] of images.entries()) {
      const saved = await app.ok('annotations:save', { imageId, annotations: boxes(`a${i}`), ifMatch: null });
      expect(saved.state).toBe('queued');
    }
    proxy.requests.length = 0;
    proxy.up = true; // the probe finds the network; the outbox flushes by itself
    await syncStatusUntil((s) => s.queued === 0 && s.flushing === null, 30_000);

    for (const [i, imageId] of images.entries())
      expect((await serverList(server, imageId)).annotations.map((a) => a.id)).toEqual([`q-a${i}`]);
    const seen = [...proxy.requests];
    expect(seen.filter((r) => r.status === 429)).toEqual([]);
    expect(images.map((id) => savesOf(seen, id).length)).toEqual(images.map(() => 1));
    // The quota ran out at least once, and the next request waited for the reset the server named.
    const counted = seen.filter((r) => r.path.startsWith('/api/v1/'));
    const spent = counted.findIndex((r) => r.remaining === 0);
    expect(spent).toBeGreaterThanOrEqual(0);
    const next = counted[spent + 1];
    expect(next).toBeDefined();
    expect(next!.at).toBeGreaterThanOrEqual(counted[spent]!.reset! * 1000 - 50);
  }, 40_000);

  it('a quota someone else spent: the queue pauses with the reset time, "Sync now" sends nothing, then it goes on by itself', async () => {
    const imageId = images[0]!;
    // Another client with the same key spends the rest of the window's quota.
    let reset = 0;
    for (let i = 0; i <= QUOTA; i++) {
      const res = await fetch(`${server.url}/api/v1/developer/datasets/?limit=1`, {
        headers: { 'X-API-Key': key },
      });
      reset = Number(res.headers.get('x-ratelimit-reset'));
      if (res.status === 429) break;
    }
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    proxy.requests.length = 0;

    const saved = await app.ok('annotations:save', { imageId, annotations: boxes('b'), ifMatch: null });
    expect(saved).toMatchObject({ durable: true, synced: false, state: 'queued' });
    const paused = await app.ok('sync:status', {});
    expect(paused.queued).toBe(1);
    expect(paused.paused).toMatchObject({ reason: 'rate-limited', message: expect.stringMatching(/quota is used up/) });
    const until = Date.parse(paused.paused!.until!);
    // The engine waits exactly as long as the server's Retry-After said (the reset, whole seconds).
    expect(until).toBeGreaterThanOrEqual(reset * 1000 - 1_000);
    expect(until).toBeLessThanOrEqual(reset * 1000 + 1_000);
    expect(paused.lastError).toMatchObject({ code: 'rate_limited' });

    // "Sync now" while paused answers at once, still paused: nothing is sent before the reset.
    const flushed = await app.ok('sync:flush', {});
    expect(flushed).toMatchObject({ queued: 1, paused: { reason: 'rate-limited' } });
    expect(savesOf(proxy.requests, imageId).map((r) => r.status)).toEqual([429]);

    // After the window: sent by itself, once, and the pause is gone.
    const after = await syncStatusUntil((s) => s.queued === 0 && s.paused === null, WINDOW_MS + 10_000);
    expect(after.lastError).toBeNull();
    const sends = savesOf(proxy.requests, imageId);
    expect(sends.map((r) => r.status)).toEqual([429, 200]);
    expect(sends[1]!.at).toBeGreaterThanOrEqual(until - 50);
    expect((await serverList(server, imageId)).annotations.map((a) => a.id)).toEqual(['q-b']);
  }, 30_000);
});
