import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import { STREET, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from './support/coreHarness';
import type { CoreHarness } from './support/coreHarness';

/**
 * Drafts (issue 12 item 4) through the real router, outbox and sync engine against pictograph-local:
 * a stash becomes a save when the renderer dies; one the outbox refuses is handed back to the editor.
 */
describe('editor drafts in main', () => {
  let server: TestServer;
  let h: CoreHarness;
  let imageId: string;
  let base: { annotations: Annotation[]; etag: string | null };

  const stored = async () =>
    (
      (await (
        await fetch(`${server.url}/api/v1/developer/annotations/${imageId}`, {
          headers: { 'X-API-Key': server.keys.owner },
        })
      ).json()) as { annotations: Annotation[] }
    ).annotations;

  beforeEach(async () => {
    server = await startTestServer();
    h = await startCore();
    await h.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
    const street = (await h.ok('datasets:list', {})).find((d) => d.name === STREET)!;
    const page = await h.ok('images:page', { datasetId: street.id, limit: 50, offset: 0 });
    imageId = page.items.find((i) => i.annotation_count > 1)!.id;
    base = await h.ok('annotations:get', { imageId });
  });
  afterEach(async () => {
    await h.dispose();
    await server.close();
  });

  it('a stashed edit becomes a save on the server when the renderer goes away', async () => {
    const edited = base.annotations.slice(1);
    await h.ok('drafts:stash', { imageId, state: 'dirty', seq: 1, baseEtag: base.etag, full: base.annotations });
    await h.ok('drafts:stash', {
      imageId,
      state: 'dirty',
      seq: 2,
      baseEtag: base.etag,
      after: 1,
      changes: [{ id: base.annotations[0]!.id, record: null }],
    });
    expect(h.core.recoverDrafts()).toBe(1);
    await expect
      .poll(async () => (await stored()).map((a) => a.id), { timeout: 15_000 })
      .toEqual(edited.map((a) => a.id));
    // Saved: nothing is recovered twice, and a reopened image shows it without a draft.
    await expect.poll(() => h.core.recoverDrafts()).toBe(0);
    const reopened = await h.ok('annotations:get', { imageId });
    expect(reopened.draft).toBeUndefined();
    expect(reopened.annotations.map((a) => a.id)).toEqual(edited.map((a) => a.id));
  });

  it('a draft the checks refuse is kept and handed to the editor, unsaved, on its base', async () => {
    const broken = [{ ...base.annotations[0]!, name: 'no-such-class' }, ...base.annotations.slice(1)];
    await h.ok('drafts:stash', { imageId, state: 'dirty', seq: 1, baseEtag: base.etag, full: broken });
    expect(h.core.recoverDrafts()).toBe(1);
    await expect.poll(async () => (await h.ok('annotations:get', { imageId })).draft?.length).toBe(broken.length);
    const doc = await h.ok('annotations:get', { imageId });
    expect(doc.draft![0]!.name).toBe('no-such-class');
    expect(doc.etag).toBe(base.etag);
    expect(doc.annotations.map((a) => a.name)).toEqual(base.annotations.map((a) => a.name));
    expect(await stored()).toHaveLength(base.annotations.length);
    // A refused draft is not retried on every crash; the editor's own save decides.
    expect(h.core.recoverDrafts()).toBe(0);
  });

  it('a durable save of the stashed state (or a clean stash) forgets the draft', async () => {
    const edited = base.annotations.slice(1);
    await h.ok('drafts:stash', { imageId, state: 'dirty', seq: 1, baseEtag: base.etag, full: edited });
    await h.ok('annotations:save', { imageId, annotations: edited, ifMatch: base.etag, draftSeq: 1 });
    expect((await h.ok('annotations:get', { imageId })).draft).toBeUndefined();
    expect(h.core.recoverDrafts()).toBe(0);

    await h.ok('drafts:stash', { imageId, state: 'dirty', seq: 2, baseEtag: null, full: base.annotations });
    await h.ok('drafts:stash', { imageId, state: 'clean' });
    expect(h.core.recoverDrafts()).toBe(0);
  });
});
