import { app, BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter, trustedOrigin } from '../ipc/router';
import type { MainCore } from '../core';
import { createMainCore } from '../core';
import { createFileLogger } from '../services/log';
import { createDesktopHooks } from './desktop';
import { listenForDeepLinks } from './deepLinks';
import { createDesktopShell, focusMainWindow, notifyWhenUnfocused } from './desktopShell';
import { WindowStateFile } from '../services/desktop/windowStateFile';
import { rememberWindowState, restoredPlacement } from './windowState';
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
  // Links can arrive before the core exists (macOS open-url at launch): kept until it does.
  const earlyLinks: string[] = [];
  const openLink = (url: string) => (core ? void core.shell.openDeepLink(url) : void earlyLinks.push(url));
  const deepLinks = listenForDeepLinks(openLink);
  app.on('second-instance', (_event, argv) => {
    focusMainWindow();
    deepLinks.fromArgv(argv);
  });

  void app.whenReady().then(async () => {
    // Rotated by size (services/log.ts); errors in main are logged and shown once from here on.
    const log = createFileLogger(join(app.getPath('userData'), 'logs', 'main.log'));
    reportUncaughtErrors(log);
    hardenSession(session.defaultSession);
    // The native Edit roles (copy/paste in text fields) exist before the renderer publishes its actions.
    const shell = createDesktopShell((id) => core?.shell.menuClicked(id));
    shell.setMenu([]);
    const started = await createMainCore({
      userDataDir: app.getPath('userData'),
      appOrigin: APP_ORIGIN,
      host: 'electron',
      version: app.getVersion(),
      emit: emitToWindows,
      log,
      desktop: notifyWhenUnfocused(createDesktopHooks()),
      shell,
    });
    core = started;
    for (const url of earlyLinks.splice(0)) started.shell.openDeepLink(url);
    const router = createRouter({ handlers: started.handlers, isTrustedSender: trustedOrigin(APP_ORIGIN), log });
    registerIpc(router);
    serveAppScheme(rendererDir, started.resolveMedia);
    // Through the router, like any call: handlers throw their AppErrors and only it answers them.
    if (openDemoOnStart) void router.dispatch('connection:openDemo', {}, { senderUrl: APP_ORIGIN });
    const windowState = new WindowStateFile(app.getPath('userData'), log);
    const openWindow = async () => {
      const window = createMainWindow(preloadPath, await restoredPlacement(windowState));
      rememberWindowState(window, windowState);
      watchRendererCrashes(window, log, () => started.recoverDrafts());
    };
    await openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow();
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
