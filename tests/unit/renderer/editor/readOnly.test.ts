import { describe, expect, it } from 'vitest';
import { copySelection, deleteSelection, paste } from '../../../../renderer/editor/commands';
import { box, drive, polygon } from './driver';

const REASON = 'Your API key has the viewer role: annotations are read-only.';

describe('read-only mode (viewer-role keys)', () => {
  it('every drawing tool refuses at the press, with the reason, and leaves the document alone', () => {
    for (const tool of ['bbox', 'polygon', 'polyline', 'keypoint']) {
      const d = drive([], { tool, readOnlyReason: REASON });
      d.pointer.drag([0, 0], [50, 50]);
      expect(d.editor.overlay.notice).toBe(REASON);
      d.key('Enter');
      expect(d.editor.document.annotations).toEqual([]);
      expect(d.editor.toolState).toBe(`${tool}/Idle`);
    }
  });

  it('selection still works; moving, resizing, vertex edits and holes are refused', () => {
    const square = polygon('p', [
      [
        [100, 100],
        [200, 100],
        [200, 200],
        [100, 200],
      ],
    ]);
    const d = drive([box('a', 0, 0, 50, 50), square], { readOnlyReason: REASON });
    const before = d.editor.document;
    d.pointer.click(25, 25);
    expect(d.editor.session.selection).toEqual(['a']);
    d.pointer.drag([25, 25], [80, 80]);
    d.pointer.drag([50, 50], [90, 90]);
    d.pointer.click(150, 150);
    d.pointer.drag([200, 200], [250, 250]);
    d.pointer.click(150, 100);
    d.pointer.click(100, 100, { alt: true });
    d.editor.setTool('hole');
    d.pointer.click(150, 150);
    expect(d.editor.document).toBe(before);
    expect(d.editor.overlay.notice).toBe(REASON);
    expect(d.history.canUndo).toBe(false);
  });

  it('commands and undo are refused; copying is allowed', () => {
    const d = drive([box('a', 0, 0, 50, 50)], { readOnlyReason: REASON });
    d.pointer.click(25, 25);
    expect(deleteSelection(d.editor)).toEqual({ ok: false, reason: REASON });
    const text = copySelection(d.editor)!;
    expect(paste(d.editor, text)).toEqual({ ok: false, reason: REASON });
    expect(d.editor.undo()).toBe(false);
    expect(d.ids()).toEqual(['a']);
  });

  it('turning read-only on mid-gesture drops the gesture', () => {
    const d = drive([box('a', 0, 0, 50, 50)]);
    d.pointer.click(25, 25);
    d.pointer.down(25, 25);
    d.pointer.move(60, 60);
    d.editor.setReadOnly(REASON);
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.get('a').bounding_box).toEqual({ x: 0, y: 0, w: 50, h: 50 });
  });
});
