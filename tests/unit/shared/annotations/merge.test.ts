import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api';
import { mergeAnnotations, sameAnnotation, sameAnnotationList } from '../../../../shared/annotations/merge';
import type { ConflictKind } from '../../../../shared/annotations/merge';

const box = (id: string, x: number, extra: Record<string, unknown> = {}): Annotation => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x, y: 0, w: 5, h: 5 },
  ...extra,
});

type State = 'unchanged' | 'changed' | 'deleted' | 'added';
const X = 'x';
const BASE = box(X, 0);
const MINE_CHANGE = box(X, 10);
const THEIR_CHANGE = box(X, 20);

/** One side's version of annotation X (null = absent), given what that side did to it. */
function version(state: State, side: 'mine' | 'theirs'): Annotation | null {
  if (state === 'unchanged') return BASE;
  if (state === 'deleted') return null;
  return side === 'mine' ? MINE_CHANGE : THEIR_CHANGE;
}

/**
 * Every row of {unchanged, changed, deleted, added} × {mine, theirs}: `added` is only meaningful
 * when the other side added too or X is new (no base); mixing `added` with a base row is impossible.
 * Expected: what X ends as ('mine' | 'theirs' | 'base' | 'gone'), and the conflict kind if any.
 */
const MATRIX: [State, State, 'mine' | 'theirs' | 'base' | 'gone', ConflictKind | null][] = [
  ['unchanged', 'unchanged', 'base', null],
  ['unchanged', 'changed', 'theirs', null],
  ['unchanged', 'deleted', 'gone', null],
  ['changed', 'unchanged', 'mine', null],
  ['changed', 'changed', 'theirs', 'both-changed'],
  ['changed', 'deleted', 'gone', 'changed-deleted'],
  ['deleted', 'unchanged', 'gone', null],
  ['deleted', 'changed', 'theirs', 'deleted-changed'],
  ['deleted', 'deleted', 'gone', null],
  ['added', 'added', 'theirs', 'both-added'],
  ['added', 'deleted', 'mine', null], // "deleted" with no base = theirs never had it
  ['deleted', 'added', 'theirs', null],
];

describe('mergeAnnotations: the matrix for one annotation X beside untouched neighbours', () => {
  it.each(MATRIX)('mine %s × theirs %s → %s (conflict: %s)', (mineState, theirState, expected, conflict) => {
    const isNew = mineState === 'added' || theirState === 'added';
    const before = box('before', 1);
    const after = box('after', 2);
    const baseList = isNew ? [before, after] : [before, BASE, after];
    const mineX = version(mineState, 'mine');
    const theirsX = version(theirState, 'theirs');
    const mine = [before, ...(mineX ? [mineX] : []), after];
    const theirs = [before, ...(theirsX ? [theirsX] : []), after];

    const { merged, conflicts } = mergeAnnotations(baseList, mine, theirs);

    const expectedX = { mine: mineX, theirs: theirsX, base: BASE, gone: null }[expected];
    expect(merged.find((a) => a.id === X) ?? null).toEqual(expectedX);
    expect(merged.filter((a) => a.id !== X)).toEqual([before, after]);
    expect(conflicts.map((c) => c.kind)).toEqual(conflict ? [conflict] : []);
    if (conflict) {
      expect(conflicts[0]).toEqual({
        id: X,
        kind: conflict,
        base: isNew ? null : BASE,
        mine: mineX,
        theirs: theirsX,
      });
    }
  });

  it.each(MATRIX.filter((row) => row[3] !== null))(
    'mine %s × theirs %s: choosing mine keeps mine, choosing theirs keeps theirs',
    (mineState, theirState) => {
      const isNew = mineState === 'added' || theirState === 'added';
      const baseList = isNew ? [] : [BASE];
      const mineX = version(mineState, 'mine');
      const theirsX = version(theirState, 'theirs');
      const mine = mineX ? [mineX] : [];
      const theirs = theirsX ? [theirsX] : [];
      expect(mergeAnnotations(baseList, mine, theirs, () => 'mine').merged).toEqual(mine);
      expect(mergeAnnotations(baseList, mine, theirs, () => 'theirs').merged).toEqual(theirs);
    },
  );
});

describe('mergeAnnotations: whole lists', () => {
  it('merges changes to different annotations, adds and deletes on both sides', () => {
    const base = [box('a', 0), box('b', 0), box('c', 0), box('d', 0)];
    const mine = [box('a', 1), box('b', 0), box('d', 0), box('m1', 0), box('m2', 0)]; // change a, delete c, add m1 m2
    const theirs = [box('t1', 0), box('a', 0), box('b', 2), box('c', 0)]; // add t1 first, change b, delete d
    const { merged, conflicts } = mergeAnnotations(base, mine, theirs);
    expect(conflicts).toEqual([]);
    // theirs' order, then mine's additions in mine's order
    expect(merged).toEqual([box('t1', 0), box('a', 1), box('b', 2), box('m1', 0), box('m2', 0)]);
  });

  it('keeps theirs order when theirs reordered, and mine additions after', () => {
    const base = [box('a', 0), box('b', 0)];
    const mine = [box('n', 0), box('a', 0), box('b', 0)];
    const theirs = [box('b', 0), box('a', 0)];
    expect(mergeAnnotations(base, mine, theirs).merged.map((a) => a.id)).toEqual(['b', 'a', 'n']);
  });

  it('per-annotation choices pick each side for each conflict', () => {
    const base = [box('a', 0), box('b', 0)];
    const mine = [box('a', 1), box('b', 1)];
    const theirs = [box('a', 2), box('b', 2)];
    const { merged, conflicts } = mergeAnnotations(base, mine, theirs, (c) => (c.id === 'a' ? 'mine' : 'theirs'));
    expect(conflicts.map((c) => c.id)).toEqual(['a', 'b']);
    expect(merged).toEqual([box('a', 1), box('b', 2)]);
  });

  it('the same change on both sides is not a conflict', () => {
    const base = [box('a', 0)];
    expect(mergeAnnotations(base, [box('a', 5)], [box('a', 5)])).toEqual({ merged: [box('a', 5)], conflicts: [] });
  });

  it('preserves unknown fields verbatim, on either side', () => {
    const odd = { vendor: { nested: [1, { deep: null }] }, attributes: { z: '1', a: ['x'] }, created_by: 'u-7' };
    const base = [box('a', 0, odd), box('b', 0)];
    const mine = [box('a', 0, odd), box('b', 3, { mine_only: true })];
    const theirs = [box('a', 0, { ...odd, extra: 'theirs' }), box('b', 0)];
    const { merged, conflicts } = mergeAnnotations(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged[0]).toBe(theirs[0]);
    expect(merged[1]).toBe(mine[1]);
    expect(JSON.stringify(merged)).toBe(JSON.stringify([theirs[0], mine[1]]));
  });

  it('property order is irrelevant, at every depth', () => {
    const a = box('a', 0, { attributes: { p: 1, q: { r: 2, s: 3 } } });
    const reordered: Annotation = {
      attributes: { q: { s: 3, r: 2 }, p: 1 },
      bounding_box: { h: 5, w: 5, y: 0, x: 0 },
      type: 'bbox',
      name: 'car',
      id: 'a',
    };
    expect(sameAnnotation(a, reordered)).toBe(true);
    expect(mergeAnnotations([a], [reordered], [box('a', 9)]).conflicts).toEqual([]);
    expect(mergeAnnotations([a], [reordered], [box('a', 9)]).merged).toEqual([box('a', 9)]);
  });

  it('the §7.3 defaults and a derived polygon box are not changes', () => {
    const bare = box('a', 0);
    const filled = box('a', 0, { confidence: 1, created_by: null, attributes: [] });
    expect(sameAnnotation(bare, filled)).toBe(true);
    expect(sameAnnotation(box('a', 0, { confidence: null }), filled)).toBe(true);
    expect(sameAnnotation(box('a', 0, { confidence: 0.5 }), filled)).toBe(false);
    const ring = {
      paths: [
        [
          { x: 0, y: 0 },
          { x: 4, y: 0 },
          { x: 4, y: 4 },
        ],
      ],
    };
    const poly: Annotation = { id: 'p', name: 'road', type: 'polygon', polygon: ring };
    expect(sameAnnotation(poly, { ...poly, bounding_box: { x: 0, y: 0, w: 4, h: 4 } })).toBe(true);
    expect(sameAnnotation(bare, box('a', 0, { attributes: {} }))).toBe(false);
  });

  it('a "__proto__" key is compared as data', () => {
    const a = box('a', 0, JSON.parse('{"attributes":{"__proto__":{"x":1}}}') as Record<string, unknown>);
    const b = box('a', 0, JSON.parse('{"attributes":{"__proto__":{"x":2}}}') as Record<string, unknown>);
    expect(sameAnnotation(a, b)).toBe(false);
  });

  it('empty lists, and sameAnnotationList', () => {
    expect(mergeAnnotations([], [], [])).toEqual({ merged: [], conflicts: [] });
    expect(sameAnnotationList([box('a', 0)], [box('a', 0, { confidence: null })])).toBe(true);
    expect(sameAnnotationList([box('a', 0), box('b', 0)], [box('b', 0), box('a', 0)])).toBe(false);
    expect(sameAnnotationList([box('a', 0)], [])).toBe(false);
  });
});
