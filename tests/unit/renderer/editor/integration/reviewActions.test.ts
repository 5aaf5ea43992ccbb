import { describe, expect, it } from 'vitest';
import { parseShortcut } from '../../../../../renderer/actions/keys';
import type { EditorCommands } from '../../../../../renderer/editor/actions/editorActions';
import { CONTEXT_MENU_ACTIONS, editorActions } from '../../../../../renderer/editor/actions/editorActions';
import { acceptPrediction, rejectPrediction } from '../../../../../renderer/editor/review/predictions';
import { lowestConfidenceQuery, unreviewedQuery } from '../../../../../renderer/editor/review/reviewNav';
import { viewerActions } from '../../../../../renderer/viewer/viewerActions';
import { box, drive } from '../driver';

describe('review loop', () => {
  it('accepting a prediction sets confidence 1 and created_by to the reviewer, keeping every other field', () => {
    const prediction = { ...box('p', 0, 0, 10, 10), confidence: 0.3, extra: { kept: [1, 2] }, created_by: 'model-7' };
    const d = drive([prediction, box('q', 20, 0, 10, 10)]);
    d.editor.select(['q']);
    expect(acceptPrediction(d.editor, 'pk_live_abcd')).toEqual({ ok: false, reason: 'no prediction is selected' });
    d.editor.select(['p']);
    expect(acceptPrediction(d.editor, 'pk_live_abcd').ok).toBe(true);
    expect(d.editor.annotation('p')).toEqual({ ...prediction, confidence: 1, created_by: 'pk_live_abcd' });
    d.editor.undo();
    expect(d.editor.annotation('p')).toEqual(prediction);
  });

  it('rejecting a prediction deletes it in one undo step; read-only refuses both', () => {
    const d = drive([{ ...box('p', 0, 0, 10, 10), confidence: 0.3 }]);
    d.editor.select(['p']);
    expect(rejectPrediction(d.editor).ok).toBe(true);
    expect(d.ids()).toEqual([]);
    d.editor.undo();
    d.editor.setReadOnly('viewer role');
    d.editor.select(['p']);
    expect(rejectPrediction(d.editor)).toEqual({ ok: false, reason: 'viewer role' });
    expect(acceptPrediction(d.editor, 'x')).toEqual({ ok: false, reason: 'viewer role' });
  });

  it('next unreviewed keeps the browser filter without complete; lowest confidence sorts ascending', () => {
    expect(unreviewedQuery({ sort: 'filename', directory: '/day' })).toEqual({
      sort: 'filename',
      directory: '/day',
      statuses: ['new', 'in_progress'],
    });
    expect(unreviewedQuery({ statuses: ['complete', 'new'] }).statuses).toEqual(['new']);
    expect(unreviewedQuery({ statuses: ['complete'] }).statuses).toEqual(['new', 'in_progress']);
    expect(lowestConfidenceQuery({ sort: 'filename', descending: true, filename: 'x' })).toEqual({
      sort: 'confidence',
      descending: false,
      filename: 'x',
    });
  });
});

describe('editor actions', () => {
  const noop = () => undefined;
  const commands = new Proxy({} as EditorCommands, { get: () => noop });
  const actions = editorActions(commands);

  it('every shortcut parses, no two editor actions share a key, and the context menu names registered actions', () => {
    const seen = new Map<string, string>();
    for (const action of actions) {
      for (const key of action.keys) {
        expect(parseShortcut(key), `${action.id}: ${key}`).not.toBeNull();
        expect(seen.get(key.toLowerCase()), `${key} used twice`).toBeUndefined();
        seen.set(key.toLowerCase(), action.id);
      }
    }
    const ids = new Set(actions.map((a) => a.id));
    for (const id of CONTEXT_MENU_ACTIONS) if (id !== null) expect(ids.has(id), id).toBe(true);
  });

  it('shares a key with the viewer only where the editor action is meant to win while enabled (1 = class 1)', () => {
    const viewer = viewerActions({
      next: noop,
      previous: noop,
      canNext: () => true,
      canPrevious: () => true,
      back: noop,
      zoomIn: noop,
      zoomOut: noop,
      fit: noop,
      actualSize: noop,
      pan: noop,
    });
    const viewerKeys = new Set(viewer.flatMap((a) => a.keys.map((k) => k.toLowerCase())));
    const shared = actions.flatMap((a) => a.keys.filter((k) => viewerKeys.has(k.toLowerCase())));
    expect(shared).toEqual(['1']);
  });
});
