import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import { createDocument } from '../../../../renderer/editor/document/document';
import { listDiff, replacementDiff } from '../../../../renderer/editor/history/diff';
import { HistoryStore } from '../../../../renderer/editor/history/histories';
import { History } from '../../../../renderer/editor/history/history';
import { box, drive } from './driver';

const moved = (a: Annotation, dx: number): Annotation => ({
  ...a,
  bounding_box: { ...a.bounding_box!, x: a.bounding_box!.x + dx },
});
const xOf = (h: History, id: string) => h.document.annotations.find((a) => a.id === id)?.bounding_box?.x;

function history(...boxes: Annotation[]): History {
  return new History(createDocument('img', boxes));
}
function nudge(h: History, id: string, dx: number): void {
  const current = h.document.annotations.find((a) => a.id === id)!;
  h.apply(replacementDiff(h.document, [moved(current, dx)]));
}

describe('History', () => {
  it('a change without a mark is one step; undo and redo walk it', () => {
    const h = history(box('a', 0, 0, 10, 10));
    nudge(h, 'a', 5);
    nudge(h, 'a', 5);
    expect(h.undoDepth).toBe(2);
    h.undo();
    expect(xOf(h, 'a')).toBe(5);
    h.undo();
    expect(xOf(h, 'a')).toBe(0);
    expect(h.undo()).toBe(false);
    h.redo();
    h.redo();
    expect(xOf(h, 'a')).toBe(10);
    expect(h.redo()).toBe(false);
  });

  it('a drag (mark, many changes, commit) is one step', () => {
    const h = history(box('a', 0, 0, 10, 10));
    h.mark();
    for (let i = 0; i < 50; i++) nudge(h, 'a', 1);
    h.commit();
    expect(h.undoDepth).toBe(1);
    h.undo();
    expect(xOf(h, 'a')).toBe(0);
    h.redo();
    expect(xOf(h, 'a')).toBe(50);
  });

  it('Escape (revert) goes back to the mark with no undo entry, no redo entry, and the redo stack kept', () => {
    const h = history(box('a', 0, 0, 10, 10));
    nudge(h, 'a', 1);
    h.undo();
    expect(h.redoDepth).toBe(1);
    h.mark();
    nudge(h, 'a', 30);
    h.revert();
    expect(xOf(h, 'a')).toBe(0);
    expect(h.undoDepth).toBe(0);
    expect(h.redoDepth).toBe(1);
    h.redo();
    expect(xOf(h, 'a')).toBe(1);
  });

  it('redo is cleared only by a document change: not by marks, empty commits or selection changes', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 100, 0, 10, 10)]);
    d.pointer.drag([5, 5], [25, 5]);
    d.editor.undo();
    expect(d.history.redoDepth).toBe(1);
    d.pointer.click(105, 5); // selection change
    d.history.mark(); // a mark …
    d.history.commit(); // … and an empty commit
    d.pointer.down(110, 10); // a press on a corner handle: ResizingBox marks
    d.pointer.up(110, 10); // and commits nothing
    d.key('Escape');
    expect(d.history.redoDepth).toBe(1);
    d.pointer.drag([105, 5], [125, 5]); // a document change
    expect(d.history.redoDepth).toBe(0);
  });

  it('undoing a creation removes it, undoing a deletion restores it at its place, with the selection pruned', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 100, 0, 10, 10)], { tool: 'bbox' });
    d.pointer.drag([200, 200], [250, 250]);
    expect(d.editor.session.selection).toEqual(['new-1']);
    d.editor.undo();
    expect(d.ids()).toEqual(['a', 'b']);
    expect(d.editor.session.selection).toEqual([]);
    d.editor.redo();
    expect(d.ids()).toEqual(['a', 'b', 'new-1']);
    d.editor.remove(['a']);
    expect(d.ids()).toEqual(['b', 'new-1']);
    d.editor.undo();
    expect(d.ids()).toEqual(['a', 'b', 'new-1']);
  });

  it('hydration and server refreshes are not undoable and drop stacks made against the old base', () => {
    const h = history(box('a', 0, 0, 10, 10));
    nudge(h, 'a', 3);
    h.undo();
    h.replaceBase(createDocument('img', [box('a', 7, 0, 10, 10)]));
    expect(xOf(h, 'a')).toBe(7);
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
  });

  it('an editor rebuilds its pick index on replace, and follows undo and redo', () => {
    const d = drive([box('a', 0, 0, 10, 10)]);
    d.editor.replaceDocument(createDocument('img-1', [box('z', 500, 500, 10, 10)]));
    d.pointer.click(505, 505);
    expect(d.editor.session.selection).toEqual(['z']);
    d.pointer.drag([505, 505], [705, 505]);
    d.pointer.click(505, 505);
    expect(d.editor.session.selection).toEqual([]);
    d.editor.undo();
    d.pointer.click(505, 505);
    expect(d.editor.session.selection).toEqual(['z']);
  });

  it('structural diffs keep order: reorder, insert in the middle, undo all the way back', () => {
    const a = box('a', 0, 0, 1, 1);
    const b = box('b', 0, 0, 1, 1);
    const c = box('c', 0, 0, 1, 1);
    const h = history(a, b, c);
    h.apply(listDiff(h.document, [c, a, b]));
    h.apply(listDiff(h.document, [c, box('n', 0, 0, 1, 1), a, b]));
    expect(h.document.annotations.map((x) => x.id)).toEqual(['c', 'n', 'a', 'b']);
    h.undo();
    h.undo();
    expect(h.document.annotations).toEqual([a, b, c]);
    expect(h.document.annotations[0]).toBe(a);
  });

  it('is bounded: the oldest steps fall off', () => {
    const h = new History(createDocument('img', [box('a', 0, 0, 1, 1)]), 3);
    for (let i = 0; i < 10; i++) nudge(h, 'a', 1);
    expect(h.undoDepth).toBe(3);
    while (h.undo());
    expect(xOf(h, 'a')).toBe(7);
  });

  it('undo while a step is open commits it first, then undoes it', () => {
    const h = history(box('a', 0, 0, 1, 1));
    h.mark();
    nudge(h, 'a', 4);
    expect(h.canUndo).toBe(true);
    h.undo();
    expect(xOf(h, 'a')).toBe(0);
    expect(h.isMarked).toBe(false);
  });

  it('tells listeners why the document changed', () => {
    const h = history(box('a', 0, 0, 1, 1));
    const reasons: string[] = [];
    h.subscribe((_doc, _diff, reason) => reasons.push(reason));
    nudge(h, 'a', 1);
    h.undo();
    h.redo();
    h.mark();
    nudge(h, 'a', 1);
    h.revert();
    h.replaceBase(createDocument('img', []));
    expect(reasons).toEqual(['edit', 'undo', 'redo', 'edit', 'revert', 'replace']);
  });
});

describe('HistoryStore (per-image histories for the session)', () => {
  it('switching images keeps each image’s history; load runs once per image', () => {
    const store = new HistoryStore();
    let loads = 0;
    const load = (id: string) => () => {
      loads++;
      return createDocument(id, [box('a', 0, 0, 1, 1)]);
    };
    const one = store.open('one', load('one'));
    nudge(one, 'a', 5);
    const two = store.open('two', load('two'));
    nudge(two, 'a', 9);
    const again = store.open('one', load('one'));
    expect(again).toBe(one);
    expect(loads).toBe(2);
    again.undo();
    expect(xOf(again, 'a')).toBe(0);
    expect(xOf(store.open('two', load('two')), 'a')).toBe(9);
  });

  it('keeps at most maxImages, dropping the least recently opened', () => {
    const store = new HistoryStore(2);
    const load = (id: string) => () => createDocument(id, []);
    store.open('a', load('a'));
    store.open('b', load('b'));
    store.open('a', load('a'));
    store.open('c', load('c'));
    expect(store.size).toBe(2);
    expect(store.peek('b')).toBeUndefined();
    expect(store.peek('a')).toBeDefined();
  });
});
