import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';
import { ANY_API_KEY, filesContaining } from './support/leaks';
import { startProxy } from './support/proxy';
import type { RecordingProxy } from './support/proxy';

let server: TestServer;
let proxy: RecordingProxy;
let h: CoreHarness;

beforeAll(async () => {
  server = await startTestServer();
  // No thumbnail route: the local-thumbnail path (and its cache) is part of the session too.
  proxy = await startProxy(server.url, [{ method: 'GET', path: /\/images\/[^/]+\/thumbnail$/, status: 404 }]);
  h = await startCore({ mediaFreshForMs: 0 });
});
afterAll(async () => {
  await h?.dispose();
  await proxy?.close();
  await server?.close();
});

describe('the API key never leaves main', () => {
  it('is in no file, answer, event or log line after a full session', async () => {
    const key = server.keys.member;
    await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: key, name: 'Leak check' });
    const street = (await h.ok('datasets:list', {})).find((d) => d.name === STREET)!;
    await h.ok('datasets:get', { datasetId: street.id });
    const page = await h.ok('images:page', { datasetId: street.id, limit: 5, offset: 0 });
    for (const image of page.items) {
      await h.ok('images:metadata', { imageId: image.id });
      expect((await h.media(image.id, 'full')).status).toBe(200);
      expect((await h.media(image.id, 'thumbnail')).status).toBe(200);
      expect((await h.media(image.id, 'full')).status).toBe(200);
    }
    const imageId = page.items[1]!.id;
    const doc = await h.ok('annotations:get', { imageId });
    await h.ok('annotations:save', { imageId, annotations: doc.annotations, ifMatch: doc.etag });
    await h.call('annotations:save', { imageId, annotations: doc.annotations, ifMatch: doc.etag }); // 412
    await h.ok('review:submit', { imageId, action: 'approve' });
    await h.ok('rateLimit:get', {});
    await h.ok('connection:profiles', {});
    const { profile } = await h.ok('connection:status', {});
    await h.call('connection:connect', { baseUrl: proxy.url, apiKey: `pk_live_${'B'.repeat(43)}` }); // a wrong key too
    await h.ok('connection:resume', { profileId: profile!.id });
    // Help → "Copy diagnostics": host, versions and recent errors (the wrong key and the 412 above), never the key.
    const diagnostics = await h.ok('app:diagnostics', {});
    expect(diagnostics.profileHost).toBe(new URL(proxy.url).host);
    expect(diagnostics.recentErrors.length).toBeGreaterThan(0);
    await h.ok('connection:disconnect', {});
    await h.core.dispose(); // flushes the media index

    const { files, scanned } = await filesContaining(h.userDataDir, key);
    expect(scanned).toBeGreaterThan(5); // profiles.json, review-local.json, media index and blobs
    expect(files).toEqual([]);

    const texts = { answers: JSON.stringify(h.answers), events: JSON.stringify(h.events), logs: h.logs.join('\n') };
    for (const [where, text] of Object.entries(texts)) {
      expect(text.includes(key), `key found in ${where}`).toBe(false);
      expect(ANY_API_KEY.test(text), `an API key found in ${where}`).toBe(false);
    }
    // The prefix is what we do show.
    expect(texts.events).toContain(key.slice(0, 12));
    expect(h.answers.length).toBeGreaterThan(20);
    expect(h.events.length).toBeGreaterThan(5);
  });
});
