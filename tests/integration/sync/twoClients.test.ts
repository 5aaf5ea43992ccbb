import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import type { TestServer } from '../../support/server';
import { startTestServer } from '../../support/server';
import type { CoreHarness } from '../main/support/coreHarness';
import { startCore } from '../main/support/coreHarness';
import { FAST_SYNC, edited, ids, resetImage, serverList, streetImagesWith } from './support/sync';

let server: TestServer;
let alice: CoreHarness;
let bob: CoreHarness;
let images: string[];
let next = 0;
const clients = () => ({ alice, bob });

beforeAll(async () => {
  server = await startTestServer();
  // Revalidate every cached read: an image reused by a later test must be read fresh by both.
  const tuning = { sync: FAST_SYNC, catalogRevalidateAfterMs: 0 };
  [alice, bob] = await Promise.all([startCore(tuning), startCore(tuning)]);
  await alice.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
  await bob.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.admin });
  images = await streetImagesWith(server, 1);
  expect(images.length).toBeGreaterThanOrEqual(4);
});
afterAll(async () => {
  await Promise.all([alice?.dispose(), bob?.dispose()]);
  await server?.close();
});

/** Both open the same image (same ETag), then `first` saves, then `second` saves on the stale ETag. */
async function bothEdit(
  order: ['alice' | 'bob', 'alice' | 'bob'],
  firstEdit: (list: Annotation[]) => Annotation[],
  secondEdit: (list: Annotation[]) => Annotation[],
) {
  const imageId = images[next++ % images.length]!;
  const first = clients()[order[0]];
  const second = clients()[order[1]];
  const current = await resetImage(server, imageId);
  const fresh = async (h: CoreHarness) => {
    await expect.poll(async () => (await h.ok('annotations:get', { imageId })).etag).toBe(current);
    return h.ok('annotations:get', { imageId });
  };
  const docA = await fresh(first);
  const docB = await fresh(second);
  const saved = await first.ok('annotations:save', {
    imageId,
    annotations: firstEdit(docA.annotations),
    ifMatch: docA.etag,
  });
  expect(saved).toMatchObject({ durable: true, synced: true, state: 'synced', merged: false });
  const stale = await second.ok('annotations:save', {
    imageId,
    annotations: secondEdit(docB.annotations),
    ifMatch: docB.etag,
  });
  return { imageId, base: docA.annotations, first, second, stale };
}

describe.each([
  ['alice', 'bob'],
  ['bob', 'alice'],
] as const)('%s saves first, %s saves on the stale ETag', (a, b) => {
  it('changes to different annotations merge by themselves: adds and deletes on both sides', async () => {
    const extraA = { id: `by-${a}`, name: 'car', type: 'bbox', bounding_box: { x: 1, y: 1, w: 3, h: 3 } };
    const extraB = { id: `by-${b}`, name: 'car', type: 'bbox', bounding_box: { x: 2, y: 2, w: 3, h: 3 } };
    const { imageId, base, stale } = await bothEdit(
      [a, b],
      // first: edits #0, deletes #3, adds one
      (list) => [edited(list[0]!, a), list[1]!, list[2]!, extraA],
      // second: edits #1, deletes #2, adds one
      (list) => [list[0]!, edited(list[1]!, b), list[3]!, extraB],
    );
    expect(stale).toMatchObject({ durable: true, synced: true, state: 'synced', merged: true });
    const { annotations, etag } = await serverList(server, imageId);
    expect(stale.etag).toBe(etag);
    expect(ids(annotations)).toEqual([base[0]!.id, base[1]!.id, `by-${a}`, `by-${b}`]);
    expect(annotations[0]).toMatchObject({ edit_mark: a });
    expect(annotations[1]).toMatchObject({ edit_mark: b });
    expect(await clients()[b].ok('sync:status', {})).toMatchObject({ queued: 0, conflicts: 0 });
  });

  it('the same annotation changed on both sides is a conflict; "keep mine" keeps mine and their other changes', async () => {
    const { imageId, base, second, stale } = await bothEdit(
      [a, b],
      (list) => [edited(list[0]!, `${a}-0`), edited(list[1]!, `${a}-1`), ...list.slice(2)],
      (list) => [edited(list[0]!, `${b}-0`), list[1]!, edited(list[2]!, `${b}-2`), list[3]!],
    );
    expect(stale).toMatchObject({ durable: true, synced: false, state: 'conflict' });
    // Nothing was sent: the server still has the first save.
    expect((await serverList(server, imageId)).annotations[0]).toMatchObject({ edit_mark: `${a}-0` });
    const reopened = await second.ok('annotations:get', { imageId });
    expect(reopened).toMatchObject({ local: 'conflict' });
    expect(reopened.annotations[0]).toMatchObject({ edit_mark: `${b}-0` });

    const conflicts = await second.ok('sync:conflicts', {});
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0]!;
    expect(conflict).toMatchObject({ imageId, mine: expect.any(Array), theirs: { etag: expect.any(String) } });
    expect(conflict.annotations.map((c) => [c.id, c.kind])).toEqual([[base[0]!.id, 'both-changed']]);
    expect(conflict.annotations[0]!.mine).toMatchObject({ edit_mark: `${b}-0` });
    expect(conflict.annotations[0]!.theirs).toMatchObject({ edit_mark: `${a}-0` });

    const resolved = await second.ok('sync:resolve', { conflictId: conflict.id, choice: 'mine' });
    expect(resolved).toMatchObject({ imageId, queued: true });
    await second.ok('sync:flush', {});
    const final = (await serverList(server, imageId)).annotations;
    expect(final.map((x) => x.edit_mark)).toEqual([`${b}-0`, `${a}-1`, `${b}-2`, undefined]);
    expect(await second.ok('sync:status', {})).toMatchObject({ queued: 0, conflicts: 0 });
    expect(await second.ok('sync:conflicts', {})).toEqual([]);
  });

  it('changed on one side and deleted on the other is a conflict; "take theirs" takes theirs and keeps my other changes', async () => {
    const { imageId, second, stale } = await bothEdit(
      [a, b],
      (list) => list.slice(1), // first deletes #0
      (list) => [edited(list[0]!, b), edited(list[1]!, `${b}-1`), ...list.slice(2)], // second edits #0 and #1
    );
    expect(stale).toMatchObject({ state: 'conflict' });
    const [conflict] = await second.ok('sync:conflicts', {});
    expect(conflict!.annotations.map((c) => c.kind)).toEqual(['changed-deleted']);
    const resolved = await second.ok('sync:resolve', { conflictId: conflict!.id, choice: 'theirs' });
    expect(resolved.queued).toBe(true);
    await second.ok('sync:flush', {});
    const final = (await serverList(server, imageId)).annotations;
    expect(final).toHaveLength(3);
    expect(final[0]).toMatchObject({ edit_mark: `${b}-1` });
  });

  it('per-annotation choices decide each disputed annotation; every one must be chosen', async () => {
    const { imageId, base, second } = await bothEdit(
      [a, b],
      (list) => [edited(list[0]!, `${a}-0`), edited(list[1]!, `${a}-1`), ...list.slice(2)],
      (list) => [edited(list[0]!, `${b}-0`), edited(list[1]!, `${b}-1`), ...list.slice(2)],
    );
    const [conflict] = await second.ok('sync:conflicts', {});
    expect(conflict!.annotations).toHaveLength(2);
    const partial = await second.call('sync:resolve', {
      conflictId: conflict!.id,
      choice: { choices: [{ annotationId: base[0]!.id, take: 'mine' }] },
    });
    expect(partial).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(new RegExp(`missing: ${base[1]!.id}`)) },
    });
    await second.ok('sync:resolve', {
      conflictId: conflict!.id,
      choice: {
        choices: [
          { annotationId: base[0]!.id, take: 'mine' },
          { annotationId: base[1]!.id, take: 'theirs' },
        ],
      },
    });
    await second.ok('sync:flush', {});
    const final = (await serverList(server, imageId)).annotations;
    expect(final.slice(0, 2).map((x) => x.edit_mark)).toEqual([`${b}-0`, `${a}-1`]);
    expect(await second.call('sync:resolve', { conflictId: conflict!.id, choice: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
