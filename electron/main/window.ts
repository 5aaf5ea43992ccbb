import { BrowserWindow } from 'electron';
import type { WindowPlacement } from '../services/desktop/windowBounds';
import { APP_ORIGIN, hardenWebContents, webPreferences } from './security';
import { MAIN_WINDOW_LIMITS } from './windowState';

/** `placement`: where it was last time, checked against today's displays (windowState.ts). */
export function createMainWindow(preloadPath: string, placement?: WindowPlacement): BrowserWindow {
  const { maximized = false, ...bounds } = placement ?? {};
  const window = new BrowserWindow({
    width: MAIN_WINDOW_LIMITS.width,
    height: MAIN_WINDOW_LIMITS.height,
    ...bounds,
    minWidth: MAIN_WINDOW_LIMITS.minWidth,
    minHeight: MAIN_WINDOW_LIMITS.minHeight,
    show: false,
    title: 'Pictograph Review',
    backgroundColor: '#111318',
    webPreferences: webPreferences(preloadPath),
  });
  hardenWebContents(window.webContents);
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
