/**
 * Our shortcut strings (renderer/actions/types.ts: KeyboardEvent.key values joined by '+', e.g.
 * 'Mod+Shift+Z', 'ArrowRight', 'Shift+?') as Electron accelerators for the application menu. Pure,
 * so the rules are unit-tested without Electron. A key Electron cannot express gives null: the menu
 * shows no shortcut for it, and the renderer (the one keyboard dispatcher) still handles it.
 */
export type DesktopPlatform = 'darwin' | 'linux' | 'win32';

const NAMED_KEYS: Readonly<Record<string, string>> = {
  ArrowRight: 'Right',
  ArrowLeft: 'Left',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ' ': 'Space',
  Enter: 'Enter',
  Escape: 'Escape',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  '+': 'Plus',
};

/** Symbols typed with Shift on a US layout: Electron's accelerator for '?' already implies Shift. */
const SHIFTED_SYMBOLS = new Set([...'~!@#$%^&*()_{}|:"<>?']);
/** Symbols Electron accepts as accelerator key codes (docs: accelerator.md, "Punctuation"). */
const PLAIN_SYMBOLS = new Set([..."-=[]\\;',./`"]);

/** At most this many '+'-joined parts: four modifiers and a key. Longer strings are not shortcuts. */
const MAX_PARTS = 5;

function keyCode(key: string): string | null {
  const named = NAMED_KEYS[key];
  if (named) return named;
  if (/^F([1-9]|1\d|2[0-4])$/.test(key)) return key;
  if (/^[a-zA-Z0-9]$/.test(key)) return key.toUpperCase();
  if (PLAIN_SYMBOLS.has(key) || SHIFTED_SYMBOLS.has(key)) return key;
  return null;
}

/** Splits on '+', keeping '+' usable as the key itself ('+', 'Mod++'), like renderer/actions/keys.ts. */
function split(shortcut: string): { key: string; modifiers: string[] } | null {
  if (shortcut === '+') return { key: '+', modifiers: [] };
  if (shortcut.endsWith('++')) {
    return { key: '+', modifiers: shortcut.slice(0, -2).split('+') };
  }
  const parts = shortcut.split('+');
  const key = parts.pop();
  if (key === undefined || key === '') return null;
  return { key, modifiers: parts };
}

/**
 * One shortcut string → an Electron accelerator, or null. 'Mod' becomes CmdOrCtrl (Cmd on macOS);
 * an explicit Meta/Cmd is Command on macOS and Super elsewhere.
 */
export function acceleratorFor(shortcut: string, platform: DesktopPlatform): string | null {
  if (typeof shortcut !== 'string' || shortcut.length === 0) return null;
  const parts = split(shortcut);
  if (!parts || parts.modifiers.length >= MAX_PARTS) return null;
  const code = keyCode(parts.key);
  if (!code) return null;
  const seen = new Set<string>();
  for (const modifier of parts.modifiers) {
    const name = modifier.toLowerCase();
    if (name === 'mod') seen.add('CmdOrCtrl');
    else if (name === 'ctrl' || name === 'control') seen.add('Ctrl');
    else if (name === 'meta' || name === 'cmd') seen.add(platform === 'darwin' ? 'Command' : 'Super');
    else if (name === 'alt' || name === 'option') seen.add('Alt');
    else if (name === 'shift') seen.add('Shift');
    else return null;
  }
  // The symbol already says Shift ('?' is Shift+/); Electron would otherwise want Shift+Shift+/.
  if (SHIFTED_SYMBOLS.has(code)) seen.delete('Shift');
  const order = ['CmdOrCtrl', 'Command', 'Super', 'Ctrl', 'Alt', 'Shift'];
  const modifiers = order.filter((name) => seen.has(name));
  return [...modifiers, code].join('+');
}

/** The first of an action's shortcuts Electron can show, or null (the menu item shows none). */
export function firstAccelerator(keys: readonly string[], platform: DesktopPlatform): string | null {
  for (const keysString of keys) {
    const accelerator = acceleratorFor(keysString, platform);
    if (accelerator) return accelerator;
  }
  return null;
}
