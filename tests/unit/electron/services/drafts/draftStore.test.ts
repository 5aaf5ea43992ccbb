import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { draftStashSchema } from '../../../../../shared/ipc';
import type { DraftStash } from '../../../../../shared/ipc';
import { applyChanges, DraftStore, MAX_DRAFTS } from '../../../../../electron/services/drafts/draftStore';

const box = (id: string, x = 0): Annotation => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x, y: 0, w: 5, h: 5 },
});
const ids = (list: readonly Annotation[]) => list.map((a) => a.id);
/** Requests go through the channel's own schema, as the router would parse them. */
const req = (input: unknown): DraftStash => draftStashSchema.parse(input);

describe('applyChanges', () => {
  const list = [box('a'), box('b'), box('c')];

  it('replaces in place, removes, and appends new ids in the order they come', () => {
    const next = applyChanges(
      list,
      [
        { id: 'b', record: box('b', 9) },
        { id: 'a', record: null },
        { id: 'd', record: box('d') },
      ],
      null,
    )!;
    expect(ids(next)).toEqual(['b', 'c', 'd']);
    expect(next[0]!.bounding_box!.x).toBe(9);
    expect(next[1]).toBe(list[2]);
  });

  it('follows an order that names every record still there', () => {
    expect(ids(applyChanges(list, [], ['c', 'a', 'b'])!)).toEqual(['c', 'a', 'b']);
  });

  it('refuses what does not fit rather than guess', () => {
    expect(applyChanges(list, [], ['c', 'a']), 'an order leaving a record out').toBeNull();
    expect(applyChanges(list, [], ['a', 'a', 'b', 'c']), 'a duplicate in the order').toBeNull();
    expect(applyChanges(list, [], ['a', 'b', 'c', 'x']), 'an order naming an unknown id').toBeNull();
    expect(applyChanges(list, [{ id: 'a', record: box('z') }], null), 'a record under another id').toBeNull();
    const many = Array.from({ length: 10_000 }, (_, i) => box(`m${i}`));
    expect(applyChanges(many, [{ id: 'extra', record: box('extra') }], null), 'past the per-image limit').toBeNull();
  });
});

describe('DraftStore', () => {
  it('keeps a chain of stashes: the whole list first, then changes after the previous one', () => {
    const store = new DraftStore();
    expect(store.stash('p', req({ imageId: 'i', state: 'dirty', seq: 1, baseEtag: 'e1', full: [box('a')] }))).toEqual({
      kept: true,
      needFull: false,
    });
    store.stash(
      'p',
      req({ imageId: 'i', state: 'dirty', seq: 2, baseEtag: 'e1', after: 1, changes: [{ id: 'b', record: box('b') }] }),
    );
    const draft = store.get('p', 'i')!;
    expect(draft.seq).toBe(2);
    expect(draft.baseEtag).toBe('e1');
    expect(ids(draft.annotations)).toEqual(['a', 'b']);
    expect(store.get('other-profile', 'i')).toBeNull();
    expect(store.list('p')).toHaveLength(1);
  });

  it('asks for the whole list when the change chain does not start where it is', () => {
    const store = new DraftStore();
    const changes = { imageId: 'i', state: 'dirty', seq: 3, baseEtag: null, after: 2, changes: [] };
    expect(store.stash('p', req(changes)), 'nothing held').toEqual({ kept: false, needFull: true });
    store.stash('p', req({ imageId: 'i', state: 'dirty', seq: 1, baseEtag: null, full: [box('a')] }));
    expect(store.stash('p', req(changes)), 'held seq 1, changes after 2').toEqual({ kept: false, needFull: true });
    expect(store.stash('p', req({ ...changes, after: 1, order: ['a', 'zzz'] })), 'changes that do not fit').toEqual({
      kept: false,
      needFull: true,
    });
    expect(store.get('p', 'i')!.seq, 'the held draft is untouched').toBe(1);
  });

  it('forgets a draft when told it is clean, or once a save of it (or later) is durable', () => {
    const store = new DraftStore();
    store.stash('p', req({ imageId: 'i', state: 'dirty', seq: 4, baseEtag: null, full: [] }));
    store.saved('p', 'i', 3);
    expect(store.get('p', 'i'), 'a save of an older state keeps the newer draft').not.toBeNull();
    store.saved('p', 'i', 4);
    expect(store.get('p', 'i')).toBeNull();
    store.stash('p', req({ imageId: 'i', state: 'dirty', seq: 5, baseEtag: null, full: [] }));
    store.stash('p', req({ imageId: 'i', state: 'clean' }));
    expect(store.get('p', 'i')).toBeNull();
  });

  it(`holds at most ${MAX_DRAFTS} images: a new one past that is refused, the held ones still update`, () => {
    const store = new DraftStore({ maxDrafts: 2 });
    const full = (imageId: string, seq: number) => req({ imageId, state: 'dirty', seq, baseEtag: null, full: [] });
    store.stash('p', full('i1', 1));
    store.stash('p', full('i2', 1));
    expect(store.stash('p', full('i3', 1))).toEqual({ kept: false, needFull: false });
    expect(store.get('p', 'i3')).toBeNull();
    expect(store.stash('p', full('i1', 2))).toEqual({ kept: true, needFull: false });
  });
});
