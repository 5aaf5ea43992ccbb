import { describe, expect, it } from 'vitest';
import {
  createSession,
  isPickable,
  pruneSession,
  select,
  setClassHidden,
  setClassLocked,
  setHidden,
  setLocked,
  toggleSelected,
} from '../../../../renderer/editor/document/session';
import { box, drive } from './driver';

const classOf = (id: string) => (id === 'a' ? 'car' : 'person');

describe('session state (never undoable)', () => {
  it('selection: unique ids; a vertex only with a single matching selection', () => {
    let s = select(createSession(), ['a', 'b', 'a']);
    expect(s.selection).toEqual(['a', 'b']);
    s = select(s, ['a'], { id: 'a', ring: 0, index: 2 });
    expect(s.vertex).toEqual({ id: 'a', ring: 0, index: 2 });
    expect(select(s, ['a', 'b'], { id: 'a', ring: 0, index: 2 }).vertex).toBeNull();
    expect(toggleSelected(toggleSelected(s, 'b'), 'a').selection).toEqual(['b']);
  });

  it('hiding or locking drops the annotation (or its class) from the selection and from picking', () => {
    const s = select(createSession(), ['a', 'b']);
    expect(setHidden(s, 'a', true).selection).toEqual(['b']);
    expect(setLocked(s, 'b', true).selection).toEqual(['a']);
    expect(setClassHidden(s, 'person', true, classOf).selection).toEqual(['a']);
    expect(setClassLocked(s, 'car', true, classOf).selection).toEqual(['b']);
    const locked = setClassLocked(s, 'car', true, classOf);
    expect(isPickable(locked, box('x', 0, 0, 1, 1, 'car'))).toBe(false);
    expect(isPickable(setClassLocked(locked, 'car', false, classOf), box('x', 0, 0, 1, 1, 'car'))).toBe(true);
    expect(setHidden(s, 'zz', false)).toEqual(s);
  });

  it('pruning drops ids that no longer exist, the hover too', () => {
    const s = { ...select(createSession(), ['a', 'b']), hover: 'b' };
    const pruned = pruneSession(s, (id) => id === 'a');
    expect(pruned.selection).toEqual(['a']);
    expect(pruned.hover).toBeNull();
    expect(pruneSession(pruned, () => true)).toBe(pruned);
  });
});

describe('the tool machine', () => {
  it('unknown tools are refused; an unknown tool in a carried-over session falls back to select', () => {
    const d = drive([], { session: { ...createSession(), tool: 'lasso' } });
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.editor.setTool('lasso')).toBe(false);
    expect(d.editor.setTool('keypoint')).toBe(true);
    expect(d.editor.session.tool).toBe('keypoint');
  });

  it('keys a tool does not use go on to the action registry', () => {
    const d = drive([box('a', 0, 0, 50, 50)]);
    d.pointer.click(25, 25);
    expect(d.key('Delete')).toBe(false);
    expect(d.key('d', { mod: true })).toBe(false);
    expect(d.ids()).toEqual(['a']);
  });

  it('Escape while pointing (pressed, not yet dragging) goes back to Idle and keeps the selection', () => {
    const d = drive([box('a', 0, 0, 50, 50)]);
    d.pointer.down(25, 25);
    expect(d.editor.toolState).toBe('select/Pointing');
    d.key('Escape');
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.editor.session.selection).toEqual(['a']);
  });

  it('a carried-over session keeps hidden classes but not the selection', () => {
    const carried = { ...select(createSession(), ['a']), hiddenClasses: new Set(['car']) };
    const d = drive([box('a', 0, 0, 50, 50)], { session: carried });
    expect(d.editor.session.selection).toEqual([]);
    d.pointer.click(25, 25);
    expect(d.editor.session.selection).toEqual([]);
  });

  it('undo and redo in the middle of a drawing drop the draft first', () => {
    const d = drive([box('a', 0, 0, 50, 50)], { tool: 'polygon' });
    d.pointer.click(100, 100);
    d.pointer.click(200, 100);
    d.editor.undo();
    expect(d.editor.toolState).toBe('polygon/Idle');
    expect(d.editor.overlay.draft).toBeNull();
  });
});

describe('review status in the document', () => {
  it('is one undo step, refused when read-only', () => {
    const d = drive([]);
    expect(d.editor.setReview({ status: 'complete', note: null })).toBe(true);
    expect(d.editor.document.review).toEqual({ status: 'complete', note: null });
    d.editor.undo();
    expect(d.editor.document.review).toBeNull();
    d.editor.redo();
    expect(d.editor.document.review?.status).toBe('complete');
    const r = drive([], { readOnlyReason: 'viewer' });
    expect(r.editor.setReview({ status: 'complete', note: null })).toBe(false);
  });
});
