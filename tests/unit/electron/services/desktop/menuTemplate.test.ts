import { describe, expect, it } from 'vitest';
import type { ActionDescriptor } from '../../../../../shared/ipc';
import type { MenuTemplateItem } from '../../../../../electron/services/desktop/menuTemplate';
import { actionIdsOf, menuTemplate } from '../../../../../electron/services/desktop/menuTemplate';

const ACTIONS: ActionDescriptor[] = [
  { id: 'app.theme', label: 'Switch theme', group: 'View', keys: ['Shift+T'], enabled: true },
  { id: 'app.shortcuts', label: 'Show keyboard shortcuts', group: 'Help', keys: ['?'], enabled: true },
  { id: 'viewer.next', label: 'Next image', group: 'Go', keys: ['ArrowRight', 'd'], enabled: false },
  { id: 'editor.undo', label: 'Undo edit', group: 'Edit', keys: ['Mod+Z'], enabled: true },
  { id: 'image.save', label: 'Save & next', group: 'Image', keys: ['Mod+S'], enabled: true },
];

const labels = (template: MenuTemplateItem[]) => template.map((item) => ('label' in item ? item.label : '?'));
const menu = (template: MenuTemplateItem[], label: string): MenuTemplateItem[] => {
  const found = template.find((item) => 'label' in item && item.label === label);
  if (!found || !('submenu' in found)) throw new Error(`no ${label} menu`);
  return found.submenu;
};
const roles = (items: MenuTemplateItem[]) => items.flatMap((item) => ('role' in item ? [item.role] : []));
const actionItem = (items: MenuTemplateItem[], id: string) =>
  items.find((item) => 'actionId' in item && item.actionId === id);

describe('menuTemplate on macOS', () => {
  const template = menuTemplate(ACTIONS, 'darwin');

  it('starts with the app menu (About, Hide, Quit roles) and has a Window menu', () => {
    expect(labels(template)).toEqual(['Pictograph Review', 'File', 'Edit', 'View', 'Go', 'Image', 'Window', 'Help']);
    const app = menu(template, 'Pictograph Review');
    expect(roles(app)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(menu(template, 'File'))).toEqual(['close']);
  });

  it('keeps the native text-editing roles in Edit, registered (macOS sends them to the focused field)', () => {
    const edit = menu(template, 'Edit');
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(edit.filter((item) => 'role' in item).every((item) => !('registerAccelerator' in item))).toBe(true);
  });

  it('an action whose key a native role owns shows no shortcut (Cmd+Z in a field stays the field’s undo)', () => {
    expect(actionItem(menu(template, 'Edit'), 'editor.undo')).toEqual({
      label: 'Undo edit',
      actionId: 'editor.undo',
      enabled: true,
      registerAccelerator: false,
    });
  });

  it('action items carry their accelerator for display only, and their enabled state', () => {
    expect(actionItem(menu(template, 'View'), 'app.theme')).toMatchObject({
      accelerator: 'Shift+T',
      registerAccelerator: false,
    });
    expect(actionItem(menu(template, 'Go'), 'viewer.next')).toMatchObject({ accelerator: 'Right', enabled: false });
    expect(actionItem(menu(template, 'Image'), 'image.save')).toMatchObject({
      label: 'Save & next',
      accelerator: 'CmdOrCtrl+S',
    });
    expect(template.find((item) => 'label' in item && item.label === 'Help')).toMatchObject({ role: 'help' });
  });
});

describe('menuTemplate on Linux and Windows', () => {
  for (const platform of ['linux', 'win32'] as const) {
    const template = menuTemplate(ACTIONS, platform);
    it(`${platform}: no app menu, File ends with Quit, Edit roles unregistered (Chromium handles them in fields)`, () => {
      expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Go', 'Image', 'Help']);
      expect(roles(menu(template, 'File'))).toEqual(['quit']);
      const edit = menu(template, 'Edit');
      expect(edit.filter((item) => 'role' in item)).toEqual(
        ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'].map((role) => ({ role, registerAccelerator: false })),
      );
    });
    it(`${platform}: '&' in a label is doubled so it is not a mnemonic`, () => {
      expect(actionItem(menu(template, 'Image'), 'image.save')).toMatchObject({ label: 'Save && next' });
    });
  }

  it('an empty group still has its menu, with a disabled note', () => {
    const template = menuTemplate([], 'linux');
    expect(menu(template, 'Image')).toEqual([{ label: 'Nothing here on this screen', enabled: false }]);
    expect(menu(template, 'Go')).toEqual([{ label: 'Nothing here on this screen', enabled: false }]);
    expect(actionIdsOf(template).size).toBe(0);
  });

  it('actionIdsOf lists exactly the published ids', () => {
    expect([...actionIdsOf(menuTemplate(ACTIONS, 'darwin'))].sort()).toEqual(ACTIONS.map((a) => a.id).sort());
  });
});
