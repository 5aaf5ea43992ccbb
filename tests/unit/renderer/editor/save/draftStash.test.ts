import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api';
import { draftStashSchema, ok } from '../../../../../shared/ipc';
import type { DraftStash } from '../../../../../shared/ipc';
import { DraftStore } from '../../../../../electron/services/drafts/draftStore';
import { DraftStasher, draftChanges } from '../../../../../renderer/editor/save/draftStash';

const box = (id: string, x = 0): Annotation => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x, y: 0, w: 5, h: 5 },
});

/** main's real store behind the channel's real schema; every request recorded. */
function mainSide() {
  const store = new DraftStore();
  const sent: DraftStash[] = [];
  let gate: Promise<void> = Promise.resolve();
  return {
    store,
    sent,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => release();
    },
    send: async (request: DraftStash) => {
      const parsed = draftStashSchema.parse(request);
      sent.push(parsed);
      await gate;
      return ok(store.stash('p', parsed));
    },
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('draftChanges', () => {
  it('sends changed records only; the order only when main could not infer it', () => {
    const a = box('a');
    const b = box('b');
    const c = box('c');
    expect(draftChanges([a, b, c], [a, box('b', 3), c])).toEqual({
      changes: [{ id: 'b', record: box('b', 3) }],
      order: null,
    });
    expect(draftChanges([a, b], [a, b, c]).order, 'appended: inferred').toBeNull();
    expect(draftChanges([a, b, c], [a, c]).changes).toEqual([{ id: 'b', record: null }]);
    expect(draftChanges([a, b, c], [c, a, b])).toEqual({ changes: [], order: ['c', 'a', 'b'] });
  });

  it('main rebuilds exactly the editor’s list over a long run of random steps', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let list: Annotation[] = Array.from({ length: 30 }, (_, i) => box(`s${i}`, i));
    const store = new DraftStore();
    store.stash('p', draftStashSchema.parse({ imageId: 'i', state: 'dirty', seq: 1, baseEtag: null, full: list }));
    let previous = list;
    for (let step = 2; step < 300; step++) {
      const next = [...list];
      const kind = rnd(4);
      if (kind === 0 && next.length > 0) next.splice(rnd(next.length), 1);
      else if (kind === 1) next.splice(rnd(next.length + 1), 0, box(`n${step}`, step));
      else if (kind === 2 && next.length > 0) {
        const at = rnd(next.length);
        next[at] = box(next[at]!.id, step);
      } else if (next.length > 1) next.push(next.splice(rnd(next.length), 1)[0]!);
      list = next;
      const { changes, order } = draftChanges(previous, list);
      const request = {
        imageId: 'i',
        state: 'dirty',
        seq: step,
        baseEtag: null,
        after: step - 1,
        changes,
        ...(order ? { order } : {}),
      };
      expect(store.stash('p', draftStashSchema.parse(request))).toEqual({ kept: true, needFull: false });
      expect(store.get('p', 'i')!.annotations).toEqual(list);
      previous = list;
    }
  });
});

describe('DraftStasher', () => {
  it('sends the whole list once, then only changes; one stash at a time, the newest state next', async () => {
    const main = mainSide();
    const stasher = new DraftStasher('i', main.send);
    const b = box('b'); // records are immutable: an untouched one is the same object in every list
    const l1 = [box('a'), b];
    const release = main.hold();
    stasher.changed(l1, 'e1', true);
    const l2 = [box('a', 1), b];
    const l3 = [box('a', 2), b];
    stasher.changed(l2, 'e1', true);
    stasher.changed(l3, 'e1', true);
    expect(main.sent, 'one in flight while the others wait').toHaveLength(1);
    release();
    await settle();
    await settle();
    expect(main.sent, 'the middle state is skipped: only the newest follows').toHaveLength(2);
    expect(main.sent[0]).toMatchObject({ seq: 1, full: l1 });
    expect(main.sent[1]).toMatchObject({ seq: 3, after: 1, changes: [{ id: 'a', record: l3[0] }] });
    expect(main.sent[1]!).not.toHaveProperty('full');
    expect(main.store.get('p', 'i')!.annotations).toEqual(l3);
    expect(stasher.seq).toBe(3);
  });

  it('sends the whole list again when main lost the chain, and forgets it when clean or saved', async () => {
    const main = mainSide();
    const stasher = new DraftStasher('i', main.send);
    stasher.changed([box('a')], null, true);
    await settle();
    main.store.drop('p', 'i'); // main restarted its store, say
    stasher.changed([box('a', 5)], null, true);
    await settle();
    await settle();
    expect(
      main.sent.map((s) => ('full' in s && s.full ? 'full' : 'after' in s && s.after ? 'changes' : s.state)),
    ).toEqual(['full', 'changes', 'full']);
    expect(main.store.get('p', 'i')!.annotations).toEqual([box('a', 5)]);
    stasher.changed([box('a', 5)], null, false);
    await settle();
    expect(main.store.get('p', 'i')).toBeNull();

    // After a durable save of state N, the next stash starts over with the whole list.
    const seq = stasher.changed([box('b')], null, true);
    await settle();
    main.store.saved('p', 'i', seq);
    stasher.saved(seq);
    stasher.changed([box('b', 1)], null, true);
    await settle();
    expect(main.sent.at(-1)).toMatchObject({ full: [box('b', 1)] });
  });
});
