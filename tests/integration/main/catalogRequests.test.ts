import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../../server/index';
import type { CatalogIndexStatus } from '../../../shared/ipc';
import { buildBenchDataDir } from '../../bench/serverDataset';
import { startCore } from './support/coreHarness';
import { startProxy } from './support/proxy';

const API = '/api/v1/developer';

describe('indexing spends few counted requests', () => {
  it('a 10,000-image dataset is indexed with at most 12 requests (the quota agrees)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'catalog-10k-'));
    const { datasetId } = await buildBenchDataDir(join(root, 'data'), 10_000);
    const server = await startServer({ port: 0, dataDir: join(root, 'data'), seed: 'none', log: () => undefined });
    const proxy = await startProxy(server.url);
    const h = await startCore();
    try {
      await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      await h.ok('datasets:list', {});
      const remainingBefore = (await h.ok('rateLimit:get', {}))!.remaining;
      const start = proxy.requests.length;
      await h.ok('catalog:refresh', { datasetId });
      await expect
        .poll(
          () =>
            h.events.some(
              (e) => e.name === 'event:catalog-index' && (e.payload as CatalogIndexStatus).state === 'ready',
            ),
          { timeout: 60_000 },
        )
        .toBe(true);
      const spent = proxy.requests.slice(start).filter((r) => r.path.startsWith(API));
      expect(spent.length).toBeLessThanOrEqual(12);
      expect(spent.map((r) => r.path.split('?')[0])).toEqual([
        `${API}/datasets/${datasetId}`,
        ...Array.from({ length: 10 }, () => `${API}/images/`),
      ]);
      const remainingAfter = (await h.ok('rateLimit:get', {}))!.remaining;
      expect(remainingBefore - remainingAfter).toBe(spent.length);
      const status = await h.ok('catalog:status', { datasetId });
      expect(status).toMatchObject({ state: 'ready', indexed: 10_000, total: 10_000 });
      // Progress was throttled: far fewer events than pages would allow at one per row.
      const progress = h.events.filter((e) => e.name === 'event:catalog-index');
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress.length).toBeLessThanOrEqual(12);
      const page = await h.ok('catalog:query', { datasetId, query: { directory: '/dir3' }, offset: 0, limit: 1000 });
      expect(page.total).toBe(1_000);
    } finally {
      await h.dispose();
      await proxy.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
