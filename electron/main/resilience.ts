import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { Log } from '../services/log';
import { createCrashPolicy, withRecoveredEdits, createFatalReporter } from './rendererCrash';

/**
 * Renderer crashes: log, recover the editor's unsaved drafts (main holds them), then reload with
 * a message, or stop reloading after a crash loop (rendererCrash.ts decides). The message box is
 * not modal to a window that is reloading.
 */
export function watchRendererCrashes(window: BrowserWindow, log: Log, recoverDrafts: () => number): void {
  const decide = createCrashPolicy();
  window.webContents.on('render-process-gone', (_event, details) => {
    const decided = decide(details);
    const decision = decided.action === 'ignore' ? decided : withRecoveredEdits(decided, recoverDrafts());
    log(decision.action === 'ignore' ? 'info' : 'error', 'Renderer process gone', {
      reason: details.reason,
      exitCode: details.exitCode,
      action: decision.action,
    });
    if (decision.action === 'ignore' || window.isDestroyed()) return;
    if (decision.action === 'reload') window.webContents.reload();
    void dialog.showMessageBox({
      type: decision.action === 'reload' ? 'warning' : 'error',
      title: 'Pictograph Review',
      message: decision.message,
    });
  });
}

/** Uncaught errors and unhandled rejections in main: logged (redacted by the logger), shown once. */
export function reportUncaughtErrors(log: Log): void {
  const report = createFatalReporter({ log, show: (title, message) => dialog.showErrorBox(title, message) });
  process.on('uncaughtException', (error) => report('uncaughtException', error));
  process.on('unhandledRejection', (reason) => report('unhandledRejection', reason));
}
