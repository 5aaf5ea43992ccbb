import { describe, expect, it } from 'vitest';
import {
  changeClassByNumber,
  changeClassOfSelection,
  copyAllFromPreviousImage,
  copySelection,
  deleteSelection,
  duplicateSelection,
  paste,
  reorderSelection,
} from '../../../../renderer/editor/commands';
import { serializeClipboard } from '../../../../shared/annotations/clipboard';
import { box, drive, keypoint, polygon } from './driver';

const tri = polygon('t', [
  [
    [0, 0],
    [10, 0],
    [0, 10],
  ],
]);

describe('editing commands', () => {
  it('delete removes the selection as one step; nothing selected is refused', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 20, 0, 10, 10), box('c', 40, 0, 10, 10)]);
    expect(deleteSelection(d.editor)).toEqual({ ok: false, reason: 'nothing is selected' });
    d.editor.select(['a', 'c']);
    expect(deleteSelection(d.editor).ok).toBe(true);
    expect(d.ids()).toEqual(['b']);
    expect(d.editor.session.selection).toEqual([]);
    d.editor.undo();
    expect(d.ids()).toEqual(['a', 'b', 'c']);
  });

  it('locked or hidden selected annotations are left alone', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 20, 0, 10, 10)]);
    d.editor.select(['a', 'b']);
    d.editor.updateSession((s) => ({ ...s, hidden: new Set(['b']) }));
    deleteSelection(d.editor);
    expect(d.ids()).toEqual(['b']);
  });

  it('duplicate (Ctrl+D): new ids, offset, on top, selected', () => {
    const d = drive([box('a', 0, 0, 10, 10), tri]);
    d.editor.select(['a', 't']);
    duplicateSelection(d.editor);
    expect(d.ids()).toEqual(['a', 't', 'new-1', 'new-2']);
    expect(d.get('new-1').bounding_box).toEqual({ x: 10, y: 10, w: 10, h: 10 });
    expect(d.get('new-2').polygon!.paths[0]![0]).toEqual({ x: 10, y: 10 });
    expect(d.editor.session.selection).toEqual(['new-1', 'new-2']);
    expect(d.history.undoDepth).toBe(1);
  });

  it('change class by name and by number key; a class of another type refuses the whole change', () => {
    const d = drive([box('a', 0, 0, 10, 10), tri]);
    d.editor.select(['a']);
    expect(changeClassByNumber(d.editor, 4).ok).toBe(true);
    expect(d.get('a').name).toBe('person');
    d.editor.select(['a', 't']);
    expect(changeClassOfSelection(d.editor, 'road')).toEqual({
      ok: false,
      reason: 'class "road" takes polygon annotations, not bbox',
    });
    expect(d.get('t').name).toBe('road');
    expect(changeClassByNumber(d.editor, 9)).toEqual({ ok: false, reason: 'this dataset has no class 9' });
    expect(changeClassOfSelection(d.editor, 'ghost').ok).toBe(false);
    expect(d.history.undoDepth).toBe(1);
  });

  it('bring forward / send back reorder the drawing order, and picking follows it', () => {
    const d = drive([box('a', 0, 0, 100, 100), box('b', 0, 0, 100, 100), box('c', 0, 0, 100, 100)]);
    d.pointer.click(50, 50);
    expect(d.editor.session.selection).toEqual(['c']);
    d.editor.select(['a']);
    reorderSelection(d.editor, 'forward');
    expect(d.ids()).toEqual(['b', 'a', 'c']);
    reorderSelection(d.editor, 'front');
    expect(d.ids()).toEqual(['b', 'c', 'a']);
    d.pointer.click(50, 50);
    expect(d.editor.session.selection).toEqual(['a']);
    reorderSelection(d.editor, 'back');
    expect(d.ids()).toEqual(['a', 'b', 'c']);
    d.editor.undo();
    expect(d.ids()).toEqual(['b', 'c', 'a']);
  });

  it('copy and paste on the same image: offset copies with new ids, every field kept', () => {
    const odd = { ...keypoint('k', 5, 5), attributes: [{ nested: [1, { deep: null }] }], extra: { kept: true } };
    const d = drive([odd]);
    d.editor.select(['k']);
    const text = copySelection(d.editor)!;
    expect(paste(d.editor, text).ok).toBe(true);
    expect(d.get('new-1')).toEqual({ ...odd, id: 'new-1', keypoint: { x: 15, y: 15 } });
    expect(d.editor.session.selection).toEqual(['new-1']);
  });

  it('pasting across images places copies unmoved but clamped into the target image', () => {
    const d = drive([], { imageSize: { width: 100, height: 80 } });
    const text = serializeClipboard([box('a', 90, 70, 30, 20), box('b', 10, 10, 5, 5)], 'other-image');
    paste(d.editor, text);
    expect(d.get('new-1').bounding_box).toEqual({ x: 70, y: 60, w: 30, h: 20 });
    expect(d.get('new-2').bounding_box).toEqual({ x: 10, y: 10, w: 5, h: 5 });
  });

  it('refuses text that is not a clipboard of annotations', () => {
    const d = drive([]);
    for (const text of ['hello', '{"kind":"x"}', JSON.stringify({ kind: 'pictograph-review/annotations' })]) {
      expect(paste(d.editor, text)).toEqual({ ok: false, reason: 'the clipboard does not hold annotations' });
    }
    expect(d.ids()).toEqual([]);
  });

  it('copy all from the previous image skips shapes already there (pressing twice adds nothing)', () => {
    const previous = [box('p1', 0, 0, 10, 10), tri];
    const d = drive([box('mine', 50, 50, 5, 5)]);
    expect(copyAllFromPreviousImage(d.editor, previous).ok).toBe(true);
    expect(d.ids()).toEqual(['mine', 'new-1', 'new-2']);
    expect(copyAllFromPreviousImage(d.editor, previous)).toEqual({
      ok: false,
      reason: 'nothing new to copy from the previous image',
    });
    expect(d.history.undoDepth).toBe(1);
  });
});
