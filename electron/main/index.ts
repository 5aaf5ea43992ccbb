import { app, BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter, trustedOrigin } from '../ipc/router';
import type { MainCore } from '../core';
import { createMainCore } from '../core';
import { createFileLogger } from '../services/log';
import { createDesktopHooks } from './desktop';
import { emitToWindows, registerIpc } from './ipc';
import { registerAppScheme, serveAppScheme } from './protocol';
import { reportUncaughtErrors, watchRendererCrashes } from './resilience';
import { APP_ORIGIN, hardenSession } from './security';
import { createMainWindow } from './window';
import { builtPaths } from './paths';

// Lifecycle only: everything with logic lives in electron/services and electron/ipc (tested under Node).
const { preloadPath, rendererDir } = builtPaths(dirname(fileURLToPath(import.meta.url)));
const openDemoOnStart = process.argv.includes('--demo');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: MainCore | null = null;
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    // Rotated by size (services/log.ts); errors in main are logged and shown once from here on.
    const log = createFileLogger(join(app.getPath('userData'), 'logs', 'main.log'));
    reportUncaughtErrors(log);
    hardenSession(session.defaultSession);
    const started = await createMainCore({
      userDataDir: app.getPath('userData'),
      appOrigin: APP_ORIGIN,
      host: 'electron',
      version: app.getVersion(),
      emit: emitToWindows,
      log,
      desktop: createDesktopHooks(),
    });
    core = started;
    const router = createRouter({ handlers: started.handlers, isTrustedSender: trustedOrigin(APP_ORIGIN), log });
    registerIpc(router);
    serveAppScheme(rendererDir, started.resolveMedia);
    // Through the router, like any call: handlers throw their AppErrors and only it answers them.
    if (openDemoOnStart) void router.dispatch('connection:openDemo', {}, { senderUrl: APP_ORIGIN });
    const openWindow = () => watchRendererCrashes(createMainWindow(preloadPath), log);
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.dispose().finally(() => app.quit());
  });
}
