import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainCore } from '../../../electron/core';
import type { MainCore } from '../../../electron/core';
import { createRouter, trustedOrigin } from '../../../electron/ipc/router';
import type { Annotation } from '../../../shared/api';
import type { ChannelName, IpcResult, RequestOf, ResponseOf, SyncStatus } from '../../../shared/ipc';
import type { TestServer } from '../../support/server';
import { startTestServer } from '../../support/server';
import { APP_ORIGIN, fastClient } from '../main/support/coreHarness';
import { startSwitchableProxy } from './support/switchableProxy';
import type { SwitchableProxy } from './support/switchableProxy';
import { FAST_SYNC, edited, resetImage, serverImage, serverList, streetImagesWith } from './support/sync';

/** A MainCore on a userData folder the test keeps, so it can be "restarted" on the same files. */
async function startApp(userDataDir: string, keychainService: string) {
  const events: { name: string; payload: unknown }[] = [];
  const core: MainCore = await createMainCore(
    {
      userDataDir,
      appOrigin: APP_ORIGIN,
      host: 'harness',
      version: '0.0.0-test',
      emit: (name, payload) => events.push({ name, payload: structuredClone(payload) }),
      keychainService,
    },
    { client: fastClient, sync: FAST_SYNC },
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP_ORIGIN), log: () => {} });
  const call = async <C extends ChannelName>(channel: C, request: RequestOf<C>) =>
    (await router.dispatch(channel, request, { senderUrl: `${APP_ORIGIN}/index.html` })) as IpcResult<ResponseOf<C>>;
  const ok = async <C extends ChannelName>(channel: C, request: RequestOf<C>) => {
    const result = await call(channel, request);
    if (!result.ok) expect.fail(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { core, events, call, ok };
}

let server: TestServer;
let proxy: SwitchableProxy;
let images: string[];
let userDataDir: string;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startSwitchableProxy(server.url);
  images = await streetImagesWith(server, 1);
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

const mark = (list: Annotation[], tag: string): Annotation[] => [edited(list[0]!, tag), ...list.slice(1)];

describe('offline edits survive a restart and land when the network returns', () => {
  it('save offline → restart → online → flushed by itself, in order, with progress', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'sync-offline-'));
    const keychainService = `pictograph-test-${randomUUID()}`;
    const [imageA, imageB] = [images[0]!, images[1]!];
    await Promise.all([resetImage(server, imageA), resetImage(server, imageB)]);
    proxy.up = true;
    let app = await startApp(userDataDir, keychainService);
    let second: Annotation[];
    try {
      await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const docA = await app.ok('annotations:get', { imageId: imageA });
      const docB = await app.ok('annotations:get', { imageId: imageB });

      proxy.up = false;
      const first = await app.ok('annotations:save', {
        imageId: imageA,
        annotations: mark(docA.annotations, 'a1'),
        ifMatch: docA.etag,
      });
      expect(first).toMatchObject({ durable: true, synced: false, state: 'queued', etag: null });
      const again = await app.ok('annotations:get', { imageId: imageA });
      expect(again).toMatchObject({ local: 'queued', etag: docA.etag });
      second = mark(docA.annotations, 'a2').slice(0, 3);
      await app.ok('annotations:save', { imageId: imageA, annotations: second, ifMatch: again.etag });
      expect(await app.ok('review:submit', { imageId: imageA, action: 'approve' })).toEqual({
        imageId: imageA,
        status: 'complete',
        storedLocally: false,
        queued: true,
      });
      await app.ok('annotations:save', {
        imageId: imageB,
        annotations: mark(docB.annotations, 'b1'),
        ifMatch: docB.etag,
      });
      expect(await app.ok('sync:status', {})).toMatchObject({
        queued: 4,
        paused: { reason: 'offline' },
        images: expect.arrayContaining([expect.objectContaining({ imageId: imageA, state: 'queued', entries: 3 })]),
      });
    } finally {
      await app.core.dispose();
    }

    // Restart while still offline: the queue is there, reopened images show the last edit.
    app = await startApp(userDataDir, keychainService);
    try {
      const profiles = await app.ok('connection:profiles', {});
      const profile = profiles.find((p) => p.baseUrl === proxy.url)!;
      const resumed = await app.call('connection:resume', { profileId: profile.id });
      const status = resumed.ok
        ? resumed.value
        : await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member }).catch(() => null);
      // With a keychain the stored key resumes offline; without one (session-only) the user types it again when online.
      expect(status === null || status.state === 'offline').toBe(true);
      if (status !== null) {
        const shown = await app.ok('annotations:get', { imageId: imageA });
        expect(shown).toMatchObject({ local: 'queued' });
        expect(shown.annotations.map((a) => a.id)).toEqual(second.map((a) => a.id));
      }
      expect((await serverList(server, imageA)).annotations[0]).not.toHaveProperty('edit_mark');

      proxy.up = true;
      if (status === null) await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      await expect.poll(async () => (await app.ok('sync:status', {})).queued, { timeout: 10_000 }).toBe(0);

      const a = await serverList(server, imageA);
      expect(a.annotations.map((x) => [x.id, x.edit_mark])).toEqual(second.map((x) => [x.id, x.edit_mark]));
      expect((await serverImage(server, imageA)).status).toBe('complete');
      expect((await serverList(server, imageB)).annotations[0]).toMatchObject({ edit_mark: 'b1' });
      // Coalesced: image A's two saves went as one POST, before its review.
      const posts = proxy.requests.filter((r) => r.method === 'POST' && r.path.includes(imageA));
      expect(posts.map((r) => (r.path.includes('/review') ? 'review' : 'save'))).toEqual(['save', 'review']);
      const progress = app.events
        .filter((e) => e.name === 'event:sync')
        .map((e) => (e.payload as SyncStatus).flushing)
        .filter((f) => f !== null);
      expect(progress).toContainEqual({ done: 2, total: 2 });
      expect(await app.ok('sync:status', {})).toMatchObject({
        queued: 0,
        paused: null,
        lastSyncAt: expect.any(String),
      });
    } finally {
      await app.core.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});

describe('a 401 during a flush', () => {
  it('pauses the queue, keeps every entry, and goes on once a key is given', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'sync-401-'));
    const chosen = images.slice(0, 5);
    await Promise.all(chosen.map((id) => resetImage(server, id)));
    proxy.up = true;
    proxy.inject = null;
    const app = await startApp(userDataDir, `pictograph-test-${randomUUID()}`);
    try {
      await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const docs = await Promise.all(chosen.map((imageId) => app.ok('annotations:get', { imageId })));
      proxy.up = false;
      for (const [i, doc] of docs.entries())
        await app.ok('annotations:save', {
          imageId: doc.imageId,
          annotations: mark(doc.annotations, `k${i}`),
          ifMatch: doc.etag,
        });
      expect((await app.ok('sync:status', {})).queued).toBe(5);

      // The key is "revoked" after two saves got through.
      let saves = 0;
      proxy.inject = (method, path) =>
        method === 'POST' && path.includes('/annotations/') && ++saves > 2
          ? { status: 401, body: { error: 'invalid_api_key', message: 'Invalid API key.' } }
          : null;
      proxy.up = true;
      await expect
        .poll(async () => (await app.ok('sync:status', {})).paused?.reason, { timeout: 10_000 })
        .toBe('signed-out');
      const paused = await app.ok('sync:status', {});
      expect(paused).toMatchObject({
        queued: 3,
        failed: 0,
        paused: { message: expect.stringMatching(/sign in again.*3 edits wait/) },
      });
      expect((await app.ok('connection:status', {})).state).toBe('signed-out');
      // Still readable while signed out: the queued edit is what a reopened image shows.
      const waiting = paused.images.map((i) => i.imageId);
      expect(await app.ok('annotations:get', { imageId: waiting[0]! })).toMatchObject({ local: 'queued' });

      proxy.inject = null;
      await app.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      await expect.poll(async () => (await app.ok('sync:status', {})).queued, { timeout: 10_000 }).toBe(0);
      for (const [i, imageId] of chosen.entries())
        expect((await serverList(server, imageId)).annotations[0]).toMatchObject({ edit_mark: `k${i}` });
    } finally {
      proxy.inject = null;
      await app.core.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
