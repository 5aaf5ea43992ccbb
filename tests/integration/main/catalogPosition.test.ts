import { describe, expect, it } from 'vitest';
import { AERIAL, startTestServer } from '../../support/server';
import { startCore } from './support/coreHarness';

describe('catalog:position for a dataset whose only index failed', () => {
  it('is a clear error naming the failed index, not a one-image order', async () => {
    const server = await startTestServer();
    const h = await startCore();
    let serverClosed = false;
    try {
      await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
      const aerial = (await h.ok('datasets:list', {})).find((d) => d.name === AERIAL)!;
      // One image seen on its own (a deep link): the catalog holds it, but no order of the dataset.
      const page = await h.ok('images:page', { datasetId: aerial.id, limit: 1, offset: 0 });
      const imageId = page.items[0]!.id;
      await h.ok('images:metadata', { imageId });
      await server.close();
      serverClosed = true;
      await h.ok('catalog:refresh', { datasetId: aerial.id });
      await expect.poll(async () => (await h.ok('catalog:status', { datasetId: aerial.id })).state).toBe('error');
      const answer = await h.call('catalog:position', { datasetId: aerial.id, query: {}, imageId, span: 2 });
      expect(answer).toMatchObject({ ok: false, error: { code: 'network' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(
        /^This dataset's order is not known on this computer: indexing it failed \(Could not reach 127\.0\.0\.1:\d+/,
      );
    } finally {
      await h.dispose();
      if (!serverClosed) await server.close();
    }
  });
});
