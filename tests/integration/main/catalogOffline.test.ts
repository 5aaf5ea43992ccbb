import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainCore } from '../../../electron/core';
import { createRouter, trustedOrigin } from '../../../electron/ipc/router';
import type { CacheInfo, IpcResult } from '../../../shared/ipc';
import { AERIAL, STREET, startTestServer } from '../../support/server';
import { APP_ORIGIN, startCore } from './support/coreHarness';
import { startProxy } from './support/proxy';

describe('the server going away mid-browse', () => {
  it('keeps every dataset, page, image and annotation document already seen; connection goes offline', async () => {
    const server = await startTestServer();
    const proxy = await startProxy(server.url);
    const h = await startCore({ catalogRevalidateAfterMs: 0, mediaFreshForMs: 0 });
    try {
      await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const datasets = await h.ok('datasets:list', {});
      const street = datasets.find((d) => d.name === STREET)!;
      const aerial = datasets.find((d) => d.name === AERIAL)!;
      await h.ok('datasets:get', { datasetId: street.id });
      await h.ok('catalog:refresh', { datasetId: street.id });
      await expect.poll(async () => (await h.ok('catalog:status', { datasetId: street.id })).indexedAt).not.toBeNull();
      const page = await h.ok('images:page', { datasetId: street.id, limit: 5, offset: 0 });
      const image = page.items.find((i) => i.annotation_count > 0)!;
      const meta = await h.ok('images:metadata', { imageId: image.id });
      const doc = await h.ok('annotations:get', { imageId: image.id });
      const full = await h.media(image.id, 'full');
      expect(full.status).toBe(200);

      await proxy.close();

      expect(await h.ok('datasets:list', {})).toEqual(datasets);
      // The list answered from the catalog at once; its background check finds the server gone.
      await expect.poll(async () => (await h.ok('connection:status', {})).state).toBe('offline');
      expect((await h.ok('datasets:get', { datasetId: street.id })).id).toBe(street.id);
      expect(await h.ok('images:page', { datasetId: street.id, limit: 5, offset: 0 })).toEqual(page);
      expect(await h.ok('images:metadata', { imageId: image.id })).toEqual(meta);
      expect(await h.ok('annotations:get', { imageId: image.id })).toEqual(doc);
      const query = await h.ok('catalog:query', {
        datasetId: street.id,
        query: { sort: 'confidence' },
        offset: 0,
        limit: 100,
      });
      expect(query.total).toBe(12);
      const offlineFull = await h.media(image.id, 'full');
      expect(offlineFull.status).toBe(200);
      expect(Buffer.from(offlineFull.body!).equals(Buffer.from(full.body!))).toBe(true);

      // What was never seen is a clear error, not an empty answer or a crash.
      const unseenPage = await h.call('images:page', { datasetId: aerial.id, limit: 5, offset: 0 });
      expect(unseenPage).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(network|timeout)$/) } });
      const other = page.items.find((i) => i.id !== image.id)!;
      expect(await h.call('annotations:get', { imageId: other.id })).toMatchObject({ ok: false });
      // Background revalidations failed quietly: nothing was logged as a bug.
      expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    } finally {
      await h.dispose();
      await proxy.close();
      await server.close();
    }
  });
});

describe('a corrupt catalog at start', () => {
  it('is set aside, a fresh one is built, the app works and the user is told', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-corrupt-'));
    const server = await startTestServer();
    await mkdir(join(userDataDir, 'catalog'), { recursive: true });
    await writeFile(join(userDataDir, 'catalog', 'cache.db'), 'SQLite format 3\u0000 but not really'.repeat(100));
    const logs: string[] = [];
    const core = await createMainCore({
      userDataDir,
      appOrigin: APP_ORIGIN,
      host: 'harness',
      version: '0.0.0-test',
      emit: () => {},
      keychainService: `pictograph-test-${randomUUID()}`,
      log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
    });
    const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP_ORIGIN) });
    const call = (channel: string, request: unknown) =>
      router.dispatch(channel, request, { senderUrl: `${APP_ORIGIN}/index.html` });
    try {
      const info = (await call('catalog:cacheInfo', {})) as IpcResult<CacheInfo>;
      expect(info.ok).toBe(true);
      if (!info.ok) return;
      expect(info.value.rebuilt).toMatchObject({
        reason: expect.stringMatching(/could not be read|integrity/),
        setAsidePath: expect.stringMatching(/cache\.db\.corrupt-/),
      });
      expect(existsSync(info.value.rebuilt!.setAsidePath)).toBe(true);
      expect((await readdir(join(userDataDir, 'catalog'))).some((n) => n.startsWith('cache.db.corrupt-'))).toBe(true);
      expect(logs.some((l) => l.startsWith('warn The local catalog was unusable'))).toBe(true);
      // The fresh catalog works end to end.
      expect(await call('connection:connect', { baseUrl: server.url, apiKey: server.keys.member })).toMatchObject({
        ok: true,
      });
      const list = await call('datasets:list', {});
      expect(list).toMatchObject({ ok: true });
      expect(await call('settings:update', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    } finally {
      await core.dispose();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
