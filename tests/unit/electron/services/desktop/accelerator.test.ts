import { describe, expect, it } from 'vitest';
import { acceleratorFor, firstAccelerator } from '../../../../../electron/services/desktop/accelerator';

describe('acceleratorFor', () => {
  it.each([
    ['Mod+Shift+Z', 'CmdOrCtrl+Shift+Z'],
    ['Mod+0', 'CmdOrCtrl+0'],
    ['ArrowRight', 'Right'],
    ['Alt+ArrowLeft', 'Alt+Left'],
    ['d', 'D'],
    ['Shift+T', 'Shift+T'],
    [' ', 'Space'],
    ['Escape', 'Escape'],
    ['F2', 'F2'],
    ['Mod++', 'CmdOrCtrl+Plus'],
    ['+', 'Plus'],
    ['Shift+?', '?'],
    ['?', '?'],
    ['Ctrl+Alt+Delete', 'Ctrl+Alt+Delete'],
    ['Shift+Mod+s', 'CmdOrCtrl+Shift+S'],
    ['[', '['],
  ])('%j → %s (linux and windows)', (keys, expected) => {
    expect(acceleratorFor(keys, 'linux')).toBe(expected);
    expect(acceleratorFor(keys, 'win32')).toBe(expected);
  });

  it('an explicit Meta is Command on macOS and Super elsewhere; Mod stays CmdOrCtrl', () => {
    expect(acceleratorFor('Meta+k', 'darwin')).toBe('Command+K');
    expect(acceleratorFor('Meta+k', 'linux')).toBe('Super+K');
    expect(acceleratorFor('Mod+k', 'darwin')).toBe('CmdOrCtrl+K');
  });

  it.each([
    ['', 'empty'],
    ['ContextMenu', 'a key Electron has no code for'],
    ['Dead', 'a dead key'],
    ['é', 'a non-ASCII key'],
    ['Hyper+a', 'an unknown modifier'],
    ['Mod+', 'no key'],
    ['F25', 'past F24'],
    ['Shift+Alt+Ctrl+Meta+Mod+a', 'five modifiers'],
    ['x'.repeat(41), 'a long word'],
  ])('%j (%s) → null: left to the renderer', (keys) => {
    expect(acceleratorFor(keys, 'linux')).toBeNull();
  });

  it('firstAccelerator skips what Electron cannot show', () => {
    expect(firstAccelerator(['ContextMenu', 'Shift+F10'], 'linux')).toBe('Shift+F10');
    expect(firstAccelerator(['ContextMenu'], 'darwin')).toBeNull();
    expect(firstAccelerator([], 'darwin')).toBeNull();
  });
});
