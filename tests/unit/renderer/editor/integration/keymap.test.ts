import { describe, expect, it } from 'vitest';
import { assignShortcut, effectiveKeys, resetShortcut, shortcutOf } from '../../../../../renderer/actions/keymap';
import { settingsPatchSchema } from '../../../../../shared/ipc';

const actions = [
  { id: 'editor.tool.bbox', label: 'Box tool', keys: ['b'] },
  { id: 'editor.tool.polygon', label: 'Polygon tool', keys: ['p'] },
  { id: 'editor.undo', label: 'Undo', keys: ['Mod+z'] },
];

describe('keymap', () => {
  it('assigns a free key, and refuses one another action uses (remapped keys count, freed defaults do not)', () => {
    const first = assignShortcut(actions, {}, 'editor.tool.bbox', 'r');
    expect(first).toEqual({ ok: true, keymap: { 'editor.tool.bbox': ['r'] } });
    if (!first.ok) return;
    expect(assignShortcut(actions, first.keymap, 'editor.tool.polygon', 'R')).toEqual({
      ok: false,
      reason: 'R is already used by “Box tool”',
    });
    // 'b' was freed when the box tool moved to 'r'.
    expect(assignShortcut(actions, first.keymap, 'editor.tool.polygon', 'b').ok).toBe(true);
    expect(assignShortcut(actions, {}, 'editor.tool.bbox', 'mod+Z')).toMatchObject({ ok: false });
    expect(assignShortcut(actions, {}, 'editor.tool.bbox', 'Hyper+x')).toEqual({
      ok: false,
      reason: '“Hyper+x” is not a shortcut',
    });
    expect(effectiveKeys(actions[0]!, resetShortcut(first.keymap, 'editor.tool.bbox'))).toEqual(['b']);
  });

  it('records a keydown as the registry spells it; a lone modifier is not a shortcut', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+z');
    expect(shortcutOf(key('z', { metaKey: true }), true)).toBe('Mod+z');
    expect(shortcutOf(key('F10', { shiftKey: true }), false)).toBe('Shift+F10');
    expect(shortcutOf(key('Shift', { shiftKey: true }), false)).toBeNull();
  });

  it('settings refuse a keymap with a conflict, a bad action id or a bad key; a good one passes', () => {
    const parse = (keymap: unknown) => settingsPatchSchema.safeParse({ keymap });
    expect(parse({ 'editor.tool.bbox': ['r'], 'editor.undo': ['Mod+z', 'Mod+Shift+F10'] }).success).toBe(true);
    expect(parse({ 'editor.tool.bbox': ['r'], 'editor.tool.polygon': ['R'] }).success).toBe(false);
    expect(parse({ 'not an id': ['r'] }).success).toBe(false);
    expect(parse({ 'editor.undo': ['Mod+'] }).success).toBe(false);
    expect(parse({ 'editor.undo': ['Hyper+z'] }).success).toBe(false);
    expect(parse({ 'editor.undo': ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
    expect(parse({ 'editor.undo': 'z' }).success).toBe(false);
  });
});
