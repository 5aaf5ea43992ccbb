import { BrowserWindow, ipcMain } from 'electron';
import type { ChannelName } from '../../shared/ipc';
import { channelNames } from '../../shared/ipc';
import type { Router } from '../ipc/router';
import type { Emit } from '../services/events';

/**
 * ipcMain glue: every contract channel goes to the router with the calling frame's URL. Calls from
 * sub-frames are reported as such so the router's origin check sees them.
 */
export function registerIpc(router: Router): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, request: unknown) => {
      const frame = event.senderFrame;
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      const senderUrl = isMainFrame ? frame.url : `subframe:${frame?.url ?? 'unknown'}`;
      return router.dispatch(channel as ChannelName, request, { senderUrl });
    });
  }
}

export const emitToWindows: Emit = (name, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(name, payload);
  }
};
