import { describe, expect, it } from 'vitest';
import type { KeyEventLike } from '../../../../renderer/actions/keys';
import { formatShortcut, matchesShortcut, parseShortcut } from '../../../../renderer/actions/keys';

const key = (k: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('parseShortcut', () => {
  it.each([
    ['d', { key: 'd', mod: false, shift: false }],
    ['Mod+0', { key: '0', mod: true }],
    ['Shift+?', { key: '?', shift: true }],
    ['+', { key: '+', mod: false }],
    ['Mod++', { key: '+', mod: true }],
    ['Alt+ArrowLeft', { key: 'ArrowLeft', alt: true }],
    [' ', { key: ' ' }],
  ])('%j', (shortcut, expected) => {
    expect(parseShortcut(shortcut)).toMatchObject(expected);
  });

  it.each(['', 'Hyper+d', 'Mod+'])('refuses %j', (shortcut) => {
    expect(parseShortcut(shortcut)).toBeNull();
  });
});

describe('matchesShortcut', () => {
  it.each<[string, KeyEventLike, boolean, boolean]>([
    ['d', key('d'), false, true],
    ['d', key('D', { shiftKey: true }), false, false],
    ['Shift+d', key('D', { shiftKey: true }), false, true],
    ['d', key('d', { ctrlKey: true }), false, false],
    ['Shift+?', key('?', { shiftKey: true }), false, true],
    ['Shift+?', key('?'), false, false],
    // A symbol's Shift depends on the layout: a bare '?' or '+' matches either way.
    ['?', key('?', { shiftKey: true }), false, true],
    ['+', key('+', { shiftKey: true }), false, true],
    ['Mod+0', key('0', { ctrlKey: true }), false, true],
    ['Mod+0', key('0', { metaKey: true }), true, true],
    ['Mod+0', key('0', { ctrlKey: true }), true, false],
    ['Ctrl+0', key('0', { ctrlKey: true }), true, true],
    ['Alt+ArrowLeft', key('ArrowLeft', { altKey: true }), false, true],
    ['ArrowLeft', key('ArrowLeft', { altKey: true }), false, false],
    ['ArrowLeft', key('ArrowLeft', { shiftKey: true }), false, false],
    [' ', key(' '), false, true],
    ['Escape', key('Escape'), false, true],
  ])('%j vs %j (mac %s) → %s', (shortcut, event, isMac, expected) => {
    expect(matchesShortcut(shortcut, event, isMac)).toBe(expected);
  });
});

describe('formatShortcut', () => {
  it('spells modifiers per platform', () => {
    expect(formatShortcut('Mod+0', false)).toBe('Ctrl+0');
    expect(formatShortcut('Mod+0', true)).toBe('⌘0');
    expect(formatShortcut('Shift+?', false)).toBe('Shift+?');
    expect(formatShortcut('ArrowRight', false)).toBe('→');
    expect(formatShortcut('d', false)).toBe('D');
    expect(formatShortcut(' ', false)).toBe('Space');
  });
});
