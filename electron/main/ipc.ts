import { BrowserWindow, ipcMain } from 'electron';
import type { ChannelName } from '../../shared/ipc';
import { channelNames } from '../../shared/ipc';
import type { Router } from '../ipc/router';
import { senderUrlFor } from '../ipc/sender';
import type { Emit } from '../services/events';

/**
 * ipcMain glue: every contract channel goes to the router with the calling frame's URL. Calls from
 * sub-frames are reported as such (ipc/sender.ts, the rule the browser harness uses too) so the
 * router's origin check refuses them.
 */
export function registerIpc(router: Router): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, request: unknown) => {
      const senderUrl = senderUrlFor({
        frame: event.senderFrame,
        mainFrame: event.sender.mainFrame,
        urlOf: (frame) => frame.url,
      });
      return router.dispatch(channel as ChannelName, request, { senderUrl });
    });
  }
}

export const emitToWindows: Emit = (name, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(name, payload);
  }
};
