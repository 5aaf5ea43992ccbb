import { app, BrowserWindow, clipboard, Menu, Notification } from 'electron';
import type { DesktopHooks } from '../ipc/handlers/dialogs';
import type { DesktopPlatform } from '../services/desktop/accelerator';
import type { DesktopShell } from '../services/desktop/desktopIntegration';
import type { MenuTemplateItem } from '../services/desktop/menuTemplate';
import { menuTemplate } from '../services/desktop/menuTemplate';

/** Electron's menu, taskbar/dock progress and window focus for the core (decisions: services/desktop). */
export function createDesktopShell(onMenuAction: (id: string) => void): DesktopShell {
  const platform = desktopPlatform(process.platform);
  let shown = '';
  return {
    setMenu(actions) {
      const template = menuTemplate(actions, platform, app.getName());
      // The renderer publishes on every state change: rebuild only when the menu would differ.
      const key = JSON.stringify(template);
      if (key === shown) return;
      shown = key;
      Menu.setApplicationMenu(Menu.buildFromTemplate(withClicks(template, onMenuAction)));
    },
    setProgress(value) {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.setProgressBar(value);
      }
    },
    focusWindow: focusMainWindow,
    copyText(text) {
      void clipboard.writeText(text);
    },
  };
}

export function desktopPlatform(platform: NodeJS.Platform): DesktopPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** The template's action items become clicks that name their action; everything else passes through. */
export function withClicks(
  template: readonly MenuTemplateItem[],
  onMenuAction: (id: string) => void,
): Electron.MenuItemConstructorOptions[] {
  return template.map((item): Electron.MenuItemConstructorOptions => {
    if ('actionId' in item) {
      const { actionId, ...rest } = item;
      return { ...rest, click: () => onMenuAction(actionId) };
    }
    if ('submenu' in item) return { ...item, submenu: withClicks(item.submenu, onMenuAction) };
    return { ...item };
  });
}

/** A second launch or a deep link brings the running window up (restored if minimised). */
export function focusMainWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/**
 * OS notifications only while the user is elsewhere: with a window of ours focused the app's own
 * toast already says it (issue 12: notify when an export is ready or sync fails).
 */
export function notifyWhenUnfocused(hooks: DesktopHooks): DesktopHooks {
  return {
    ...hooks,
    notify: (note) => {
      if (BrowserWindow.getFocusedWindow() !== null || !Notification.isSupported()) return;
      hooks.notify(note);
    },
  };
}
