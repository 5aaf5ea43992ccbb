import type { ActionDescriptor } from '../../../shared/ipc';
import { ACTION_GROUPS } from '../../../shared/ipc';
import type { DesktopPlatform } from './accelerator';
import { firstAccelerator } from './accelerator';

/**
 * The application menu as data (issue 12 item 3): File, Edit, View, Go, Image, Help built from
 * the renderer's action descriptors, plus the native roles each platform expects. Pure, so both
 * platforms' menus are unit-tested; electron/main/menu.ts only adds the click handlers and calls
 * Menu.buildFromTemplate. An item with `actionId` becomes a click that sends `event:menu-action`.
 */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front';

export type MenuTemplateItem =
  | { type: 'separator' }
  | { role: MenuRole; registerAccelerator?: boolean }
  | {
      label: string;
      actionId: string;
      accelerator?: string;
      enabled: boolean;
      /** Shown, never registered: the renderer's dispatcher owns the keyboard (see below). */
      registerAccelerator: false;
    }
  | { label: string; enabled: false }
  | { label: string; role?: 'appMenu' | 'windowMenu' | 'help'; submenu: MenuTemplateItem[] };

/**
 * Accelerators the native roles use. An action with one of these keeps its menu item but shows no
 * shortcut: on macOS the focused page gets every key first and our dispatcher consumes the keys it
 * handles, so Cmd+Z in a text field (which the dispatcher leaves alone) must reach the native Undo
 * role, not an action item with the same key equivalent.
 */
const ROLE_ACCELERATORS = new Set([
  'CmdOrCtrl+Z',
  'CmdOrCtrl+Shift+Z',
  'Ctrl+Y',
  'CmdOrCtrl+X',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+A',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+H',
  'CmdOrCtrl+M',
  'CmdOrCtrl+Alt+H',
]);

/** '&' marks a mnemonic on Windows and Linux: a label's own '&' must be doubled to show. */
const menuLabel = (label: string, platform: DesktopPlatform) =>
  platform === 'darwin' ? label : label.replaceAll('&', '&&');

function actionItem(action: ActionDescriptor, platform: DesktopPlatform): MenuTemplateItem {
  const accelerator = firstAccelerator(action.keys, platform);
  return {
    label: menuLabel(action.label, platform),
    actionId: action.id,
    ...(accelerator && !ROLE_ACCELERATORS.has(accelerator) ? { accelerator } : {}),
    enabled: action.enabled,
    registerAccelerator: false,
  };
}

const separator: MenuTemplateItem = { type: 'separator' };
/** Chromium handles these keys in text fields itself on Windows and Linux: registering them would run them twice. */
const role = (name: MenuRole, platform: DesktopPlatform): MenuTemplateItem =>
  platform === 'darwin' ? { role: name } : { role: name, registerAccelerator: false };

/** Joins sections with one separator between non-empty ones. */
function sections(...parts: MenuTemplateItem[][]): MenuTemplateItem[] {
  return parts.filter((part) => part.length > 0).flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
}

const EMPTY_NOTE: MenuTemplateItem = { label: 'Nothing here on this screen', enabled: false };

export function menuTemplate(
  actions: readonly ActionDescriptor[],
  platform: DesktopPlatform,
  appName = 'Pictograph Review',
): MenuTemplateItem[] {
  const inGroup = (group: ActionDescriptor['group']) =>
    actions.filter((action) => action.group === group).map((action) => actionItem(action, platform));
  const mac = platform === 'darwin';
  const menus: MenuTemplateItem[] = [];
  if (mac) {
    menus.push({
      label: appName,
      role: 'appMenu',
      submenu: sections(
        [{ role: 'about' }],
        [{ role: 'services' }],
        [{ role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }],
        [{ role: 'quit' }],
      ),
    });
  }
  for (const group of ACTION_GROUPS) {
    const own = inGroup(group);
    let submenu: MenuTemplateItem[];
    switch (group) {
      case 'File':
        submenu = sections(own, [mac ? { role: 'close' } : { role: 'quit' }]);
        break;
      case 'Edit':
        // The native roles come first: they act on the focused text field (filters, forms, dialogs).
        submenu = sections(
          [role('undo', platform), role('redo', platform)],
          [role('cut', platform), role('copy', platform), role('paste', platform), role('selectAll', platform)],
          own,
        );
        break;
      case 'View':
        submenu = sections(own, [{ role: 'togglefullscreen' }]);
        break;
      case 'Go':
      case 'Image':
        submenu = own.length > 0 ? own : [EMPTY_NOTE];
        break;
      case 'Help':
        submenu = own.length > 0 ? own : [EMPTY_NOTE];
        break;
      default:
        return assertNever(group);
    }
    menus.push({ label: group, ...(group === 'Help' && mac ? { role: 'help' as const } : {}), submenu });
    if (group === 'Image' && mac) {
      menus.push({
        label: 'Window',
        role: 'windowMenu',
        submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }],
      });
    }
  }
  return menus;
}

function assertNever(value: never): never {
  throw new Error(`Unknown menu group ${String(value)}`);
}

/** Every action id a template can send (the glue refuses a click for anything else). */
export function actionIdsOf(template: readonly MenuTemplateItem[]): Set<string> {
  const ids = new Set<string>();
  const walk = (items: readonly MenuTemplateItem[]) => {
    for (const item of items) {
      if ('actionId' in item) ids.add(item.actionId);
      if ('submenu' in item) walk(item.submenu);
    }
  };
  walk(template);
  return ids;
}
