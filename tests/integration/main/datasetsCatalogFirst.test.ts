import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';

let server: TestServer;
let h: CoreHarness;

beforeEach(async () => {
  server = await startTestServer();
  h = await startCore();
  await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
});
afterEach(async () => {
  await h?.dispose();
  await server?.close();
});

const datasetEvents = () =>
  h.events.filter((e) => e.name === 'event:catalog-changed' && (e.payload as { kind: string }).kind === 'datasets');

describe('datasets:list and datasets:get answer from the catalog, revalidating in the background', () => {
  it('a cached list and dataset answer at once with the server stopped, and no error', async () => {
    const first = await h.ok('datasets:list', {});
    const street = first.find((d) => d.name === STREET)!;
    await server.close();
    // The server is gone: the cached answers stand; only the background check met the closed port.
    expect(await h.ok('datasets:list', {})).toEqual(first);
    expect(await h.ok('datasets:get', { datasetId: street.id })).toEqual(street);
    // The user's refresh asks the server and says it cannot be reached.
    expect(await h.call('datasets:list', { refresh: true })).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('a dataset changed on the server is announced with event:catalog-changed and then listed', async () => {
    const before = await h.ok('datasets:list', {});
    const street = before.find((d) => d.name === STREET)!;
    const image = (await h.ok('images:page', { datasetId: street.id, limit: 100, offset: 0 })).items.find(
      (i) => i.annotation_count > 0,
    )!;
    // A colleague (another key, behind this app's back) deletes an image's annotations.
    const deleted = await fetch(`${server.url}/api/v1/developer/annotations/${image.id}`, {
      method: 'DELETE',
      headers: { 'X-API-Key': server.keys.admin },
    });
    expect(deleted.status).toBe(200);
    const eventsBefore = datasetEvents().length;
    // Answered from the catalog (still the old list); the background check finds the change.
    expect(await h.ok('datasets:list', {})).toEqual(before);
    await expect.poll(() => datasetEvents().length, { timeout: 5_000 }).toBe(eventsBefore + 1);
    const after = await h.ok('datasets:list', {});
    const changed = after.find((d) => d.id === street.id)!;
    expect(changed).not.toEqual(street);
    expect(changed.updated_at).not.toBe(street.updated_at);
    // The catalog holds the new dataset for datasets:get too.
    expect(await h.ok('datasets:get', { datasetId: street.id })).toEqual(changed);
  });
});
