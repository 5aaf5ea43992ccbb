import { describe, expect, it } from 'vitest';
import { assignShortcut } from '../../../../../renderer/actions/keymap';
import { editorActionCatalog } from '../../../../../renderer/editor/actions/editorActions';

/** What Settings → Keyboard shortcuts lists for the editor when no image is open. */
describe('editor action catalog', () => {
  it('lists every editor action with its default keys, and its commands do nothing', () => {
    const catalog = editorActionCatalog();
    const ids = catalog.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['editor.tool.bbox', 'editor.undo', 'editor.save', 'review.approve']));
    expect(catalog.find((a) => a.id === 'editor.tool.bbox')!.keys).toEqual(['b']);
    expect(catalog.find((a) => a.id === 'editor.duplicate')!.keys).toEqual(['Mod+d']);
    for (const action of catalog) {
      expect(action.enabled).toBeUndefined();
      expect(() => action.run()).not.toThrow();
    }
  });

  it('is enough to refuse a conflict with an editor key while no image is open', () => {
    const refused = assignShortcut(editorActionCatalog(), {}, 'editor.tool.polygon', 'v');
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/already used by “Select tool”/) });
    expect(assignShortcut(editorActionCatalog(), {}, 'editor.tool.polygon', 'n').ok).toBe(true);
  });
});
