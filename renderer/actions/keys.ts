/**
 * Shortcut strings ('Mod+0', 'Shift+?', 'ArrowRight', ' ') parsed and matched against keydown
 * events. Pure: no DOM, so the rules are unit-tested under Node with plain objects.
 */

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface ParsedShortcut {
  key: string;
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const MODIFIERS = new Set(['mod', 'ctrl', 'control', 'meta', 'cmd', 'alt', 'option', 'shift']);

/**
 * Splits on '+', keeping '+' itself usable as a key ('+', 'Mod++'). Returns null for a string
 * with no key or an unknown modifier, so a typo in an action shows up in tests, not as a dead key.
 */
export function parseShortcut(shortcut: string): ParsedShortcut | null {
  if (shortcut.length === 0) return null;
  let key: string;
  let head: string;
  if (shortcut === '+') {
    key = '+';
    head = '';
  } else if (shortcut.endsWith('++')) {
    key = '+';
    head = shortcut.slice(0, -2);
  } else {
    const cut = shortcut.lastIndexOf('+');
    key = cut < 0 ? shortcut : shortcut.slice(cut + 1);
    head = cut < 0 ? '' : shortcut.slice(0, cut);
  }
  if (key.length === 0) return null;
  const parsed: ParsedShortcut = { key, mod: false, ctrl: false, meta: false, alt: false, shift: false };
  if (head.length === 0) return parsed;
  for (const part of head.split('+')) {
    const name = part.toLowerCase();
    if (!MODIFIERS.has(name)) return null;
    if (name === 'mod') parsed.mod = true;
    else if (name === 'ctrl' || name === 'control') parsed.ctrl = true;
    else if (name === 'meta' || name === 'cmd') parsed.meta = true;
    else if (name === 'alt' || name === 'option') parsed.alt = true;
    else parsed.shift = true;
  }
  return parsed;
}

const isLetter = (key: string) => key.length === 1 && key.toLowerCase() !== key.toUpperCase();

/**
 * 'Mod' is Cmd on macOS and Ctrl elsewhere. Ctrl, Meta and Alt must match exactly. Shift must
 * match exactly for letters and named keys ('d' is not 'Shift+D'); for a symbol without 'Shift'
 * in the shortcut it is ignored, because which symbols need Shift depends on the keyboard layout
 * ('?' is Shift+/ on US keys, a plain key elsewhere).
 */
export function matchesShortcut(shortcut: string, event: KeyEventLike, isMac: boolean): boolean {
  const parsed = parseShortcut(shortcut);
  if (!parsed) return false;
  const wantCtrl = parsed.ctrl || (parsed.mod && !isMac);
  const wantMeta = parsed.meta || (parsed.mod && isMac);
  if (event.ctrlKey !== wantCtrl || event.metaKey !== wantMeta || event.altKey !== parsed.alt) return false;
  const symbol = parsed.key.length === 1 && !isLetter(parsed.key);
  if (!(symbol && !parsed.shift) && event.shiftKey !== parsed.shift) return false;
  if (isLetter(parsed.key)) return event.key.toLowerCase() === parsed.key.toLowerCase();
  return event.key === parsed.key;
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
};

/** How a shortcut is shown in the overlay and tooltips: 'Ctrl+0' or '⌘0', 'Shift+?', '→'. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const parsed = parseShortcut(shortcut);
  if (!parsed) return shortcut;
  const key = KEY_NAMES[parsed.key] ?? (parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key);
  const parts: string[] = [];
  if (isMac) {
    if (parsed.ctrl) parts.push('⌃');
    if (parsed.alt) parts.push('⌥');
    if (parsed.shift) parts.push('⇧');
    if (parsed.mod || parsed.meta) parts.push('⌘');
    return parts.join('') + key;
  }
  if (parsed.mod || parsed.ctrl) parts.push('Ctrl');
  if (parsed.meta) parts.push('Meta');
  if (parsed.alt) parts.push('Alt');
  if (parsed.shift) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** Best effort: `navigator.platform` is deprecated but still the one field every engine fills. */
export function detectMac(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
