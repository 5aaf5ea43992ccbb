import { describe, expect, it } from 'vitest';
import { STREET, startTestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import { startProxy } from './support/proxy';

describe('a cold annotations:get answers before its catalog write', () => {
  it('a read right after it (before the write has run) is answered from the catalog, with no second request', async () => {
    const server = await startTestServer();
    const proxy = await startProxy(server.url);
    const h = await startCore();
    try {
      await h.ok('connection:connect', { baseUrl: proxy.url, apiKey: server.keys.member });
      const street = (await h.ok('datasets:list', {})).find((d) => d.name === STREET)!;
      const image = (await h.ok('images:page', { datasetId: street.id, limit: 100, offset: 0 })).items.find(
        (i) => i.annotation_count > 0,
      )!;
      const fetches = () => proxy.requests.filter((r) => r.path.includes(`/annotations/${image.id}`)).length;
      const first = await h.ok('annotations:get', { imageId: image.id });
      // No await in between: the deferred write has not had its turn yet, so the read must flush it.
      const second = await h.ok('annotations:get', { imageId: image.id });
      expect(second).toEqual(first);
      expect(first.annotations.length).toBe(image.annotation_count);
      expect(fetches()).toBe(1);
      // And it is durable: with the server gone the catalog still has it.
      await proxy.close();
      expect(await h.ok('annotations:get', { imageId: image.id })).toEqual(first);
    } finally {
      await h.dispose();
      await proxy.close().catch(() => undefined);
      await server.close();
    }
  });
});
