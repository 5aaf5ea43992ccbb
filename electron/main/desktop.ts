import { BrowserWindow, dialog, Notification, shell } from 'electron';
import type { DesktopHooks } from '../ipc/handlers/dialogs';
import { EXTENSION_TYPES } from '../services/uploads/fileCheck';

/** The types the upload service accepts (it checks the bytes again): the picker offers only those. */
const IMAGE_EXTENSIONS = Object.keys(EXTENSION_TYPES).map((extension) => extension.slice(1));

/**
 * Electron's pickers, file manager and notifications for the core (glue only: the handlers in
 * electron/ipc/handlers/dialogs.ts validate what comes back and decide what may be shown).
 */
export function createDesktopHooks(): DesktopHooks {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const open = async (options: Electron.OpenDialogOptions) => {
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };
  return {
    pickFolder: async (purpose) => {
      const paths = await open({
        title: purpose === 'export' ? 'Download the export into…' : 'Upload a folder',
        buttonLabel: purpose === 'export' ? 'Save here' : 'Upload',
        properties: ['openDirectory', 'createDirectory'],
      });
      return paths?.[0] ?? null;
    },
    pickFiles: () =>
      open({
        title: 'Add images',
        buttonLabel: 'Upload',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Images', extensions: IMAGE_EXTENSIONS }],
      }),
    showItem: (path) => shell.showItemInFolder(path),
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  };
}
