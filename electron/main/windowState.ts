import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import type { WindowPlacement, WindowSizeLimits } from '../services/desktop/windowBounds';
import { restoreBounds } from '../services/desktop/windowBounds';
import type { WindowStateFile } from '../services/desktop/windowStateFile';

export const MAIN_WINDOW_LIMITS: WindowSizeLimits = { width: 1360, height: 860, minWidth: 960, minHeight: 640 };

/** Saved bounds checked against the displays connected now (services/desktop/windowBounds.ts decides). */
export async function restoredPlacement(file: WindowStateFile): Promise<WindowPlacement> {
  const primaryId = screen.getPrimaryDisplay().id;
  const displays = screen.getAllDisplays().map((display) => ({
    workArea: display.workArea,
    primary: display.id === primaryId,
  }));
  return restoreBounds(await file.load(), displays, MAIN_WINDOW_LIMITS);
}

/** How long moving or resizing must pause before the state is written (a drag fires dozens of events). */
const SAVE_AFTER_MS = 500;

/** Saves the window's normal bounds and maximised state as they change, and once more on close. */
export function rememberWindowState(window: BrowserWindow, file: WindowStateFile): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    // Normal bounds: maximised or full screen, getBounds() would be the screen's.
    void file.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
