/**
 * One user-facing command (design §6): every shortcut, toolbar button, context-menu entry and,
 * later, the desktop menu goes through an Action, so a remapped key or a disabled state is
 * honoured everywhere at once.
 */
export interface Action {
  /** Stable id, `area.verb`: 'viewer.next', 'browser.view.list', 'app.shortcuts'. */
  id: string;
  label: string;
  /** Menu the action belongs to (the desktop menu and the shortcuts overlay group by it). */
  group: ActionGroup;
  /**
   * Default shortcuts. `KeyboardEvent.key` values with modifiers joined by '+':
   * 'd', 'ArrowRight', 'Mod+0' (Mod is Ctrl, or Cmd on macOS), 'Shift+?', 'Alt+ArrowLeft', ' ' for space.
   */
  keys: string[];
  /** Checked at dispatch and when drawing buttons; absent means always enabled. */
  enabled?: () => boolean;
  run: () => void;
}

export type ActionGroup = 'File' | 'Edit' | 'View' | 'Go' | 'Image' | 'Help';
