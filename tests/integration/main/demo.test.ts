import { DEMO_SEED_CACHE } from '../../support/seedCache';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';
import { filesContaining } from './support/leaks';

// Building the demo seed draws its scenes once (slow); later runs reuse this shared cache.
const SEED_CACHE = DEMO_SEED_CACHE;

let h: CoreHarness;
beforeAll(async () => {
  h = await startCore({ demoSeedCacheDir: SEED_CACHE });
});
afterAll(async () => {
  await h?.dispose();
});

describe('the embedded demo workspace', () => {
  it(
    'starts pictograph-local in-process once, connects to it, and stops with dispose',
    { timeout: 300_000 },
    async () => {
      const [a, b, c] = await Promise.all([
        h.call('connection:openDemo', {}),
        h.call('connection:openDemo', {}),
        h.call('connection:openDemo', {}),
      ]);
      for (const result of [a, b, c])
        expect(result, JSON.stringify(result)).toMatchObject({
          ok: true,
          value: { state: 'connected', profile: { id: 'demo', kind: 'demo' } },
        });
      const urls = new Set([a, b, c].map((r) => (r.ok ? r.value.profile?.baseUrl : null)));
      expect(urls.size).toBe(1); // one server for all three calls
      const url = [...urls][0]!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const datasets = await h.ok('datasets:list', {});
      expect(datasets.length).toBeGreaterThan(0);
      const page = await h.ok('images:page', { datasetId: datasets[0]!.id, limit: 3, offset: 0 });
      expect(page.items.length).toBeGreaterThan(0);
      expect((await h.media(page.items[0]!.id, 'thumbnail')).status).toBe(200);

      // Resume of the demo profile goes through the same running server.
      expect(await h.ok('connection:resume', { profileId: 'demo' })).toMatchObject({
        state: 'connected',
        profile: { baseUrl: url },
      });
      // Signing out of the demo keeps its key (the app's own), so it opens again without asking.
      expect(await h.ok('connection:disconnect', {})).toMatchObject({
        state: 'signed-out',
        profile: { id: 'demo', hasKey: true },
      });
      expect(await h.ok('connection:openDemo', {})).toMatchObject({ state: 'connected', profile: { baseUrl: url } });

      // The demo's data lives under userData/demo; no full key in any of it (the server keeps hashes).
      const scan = await filesContaining(join(h.userDataDir, 'demo'), 'no-such-secret');
      expect(scan.scanned).toBeGreaterThan(0);
      expect(scan.files).toEqual([]);

      await h.core.dispose();
      await expect(fetch(`${url}/api/v1/developer/datasets/`)).rejects.toThrow();
      expect(await h.call('connection:openDemo', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    },
  );
});
