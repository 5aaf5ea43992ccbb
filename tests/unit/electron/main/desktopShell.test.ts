import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real 'electron' cannot load in tests: a stand-in records menus, progress and focus.
const state = vi.hoisted(() => ({
  menus: [] as unknown[],
  windows: [] as FakeWindow[],
  focused: null as FakeWindow | null,
  notificationsSupported: true,
}));
interface FakeWindow {
  calls: string[];
  minimized: boolean;
  visible: boolean;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  setProgressBar(value: number): void;
}
vi.mock('electron', () => ({
  app: { getName: () => 'Pictograph Review' },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: { template: unknown }) => state.menus.push(menu.template),
  },
  BrowserWindow: { getAllWindows: () => state.windows, getFocusedWindow: () => state.focused },
  Notification: { isSupported: () => state.notificationsSupported },
}));

const { createDesktopShell, desktopPlatform, focusMainWindow, notifyWhenUnfocused, withClicks } =
  await import('../../../../electron/main/desktopShell');

function fakeWindow(minimized = false, visible = true): FakeWindow {
  const window: FakeWindow = {
    calls: [],
    minimized,
    visible,
    isDestroyed: () => false,
    isMinimized: () => window.minimized,
    isVisible: () => window.visible,
    restore: () => window.calls.push('restore'),
    show: () => window.calls.push('show'),
    focus: () => window.calls.push('focus'),
    setProgressBar: (value) => window.calls.push(`progress ${value}`),
  };
  return window;
}

const theme = { id: 'app.theme', label: 'Theme', group: 'View' as const, keys: ['Shift+T'], enabled: true };

beforeEach(() => {
  state.menus.length = 0;
  state.windows = [];
  state.focused = null;
  state.notificationsSupported = true;
});

describe('desktop shell glue', () => {
  it('builds the application menu once per distinct template; a click names its action', () => {
    const clicked: string[] = [];
    const shell = createDesktopShell((id) => clicked.push(id));
    shell.setMenu([theme]);
    shell.setMenu([theme]);
    expect(state.menus).toHaveLength(1);
    shell.setMenu([{ ...theme, enabled: false }]);
    expect(state.menus).toHaveLength(2);
    const view = (state.menus[0] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).find(
      (menu) => menu.label === 'View',
    );
    const item = view?.submenu?.find((entry) => entry.label === 'Theme');
    expect(item).toMatchObject({ accelerator: 'Shift+T', registerAccelerator: false, enabled: true });
    expect(item).not.toHaveProperty('actionId');
    item?.click?.();
    expect(clicked).toEqual(['app.theme']);
  });

  it('withClicks leaves roles and separators as they are, recursively', () => {
    const template = withClicks(
      [{ label: 'Edit', submenu: [{ role: 'copy' }, { type: 'separator' }, { label: 'X', enabled: false }] }],
      () => {},
    );
    expect(template).toEqual([
      { label: 'Edit', submenu: [{ role: 'copy' }, { type: 'separator' }, { label: 'X', enabled: false }] },
    ]);
  });

  it('progress goes to every window', () => {
    state.windows = [fakeWindow(), fakeWindow()];
    createDesktopShell(() => {}).setProgress(0.25);
    expect(state.windows.map((w) => w.calls)).toEqual([['progress 0.25'], ['progress 0.25']]);
  });

  it('a second launch restores a minimised window and focuses it; no window is not an error', () => {
    focusMainWindow();
    state.windows = [fakeWindow(true, false)];
    focusMainWindow();
    expect(state.windows[0]!.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('OS notifications only while none of our windows has focus', () => {
    const notes: string[] = [];
    const hooks = notifyWhenUnfocused({
      pickFolder: async () => null,
      pickFiles: async () => null,
      showItem: () => {},
      notify: (note) => notes.push(note.title),
    });
    state.focused = fakeWindow();
    hooks.notify({ title: 'focused', body: '' });
    state.focused = null;
    hooks.notify({ title: 'away', body: '' });
    state.notificationsSupported = false;
    hooks.notify({ title: 'unsupported', body: '' });
    expect(notes).toEqual(['away']);
  });

  it('maps Node platforms to the menu platforms', () => {
    expect(desktopPlatform('darwin')).toBe('darwin');
    expect(desktopPlatform('win32')).toBe('win32');
    expect(desktopPlatform('freebsd')).toBe('linux');
  });
});
