/**
 * Who is calling, as the router's sender check sees it. Shared by Electron's ipcMain glue
 * (electron/main/ipc.ts) and the browser harness, so the e2e sub-frame tests check the app's own rule.
 *
 * Only the window's top-level frame can be the app. Any other frame (an iframe, even one showing an
 * app:// page) is reported as `subframe:<url>`, which no origin check accepts.
 */

/** Prefix that marks a call from a frame other than the top-level one. Not a URL scheme anything serves. */
export const SUBFRAME_PREFIX = 'subframe:';

export interface SenderFrames<F> {
  /** The frame that sent the call; null when it is already gone (navigated away or destroyed). */
  frame: F | null | undefined;
  /** The top-level frame of the page/window the call came through. */
  mainFrame: F | null | undefined;
  /** Reads a frame's URL (a property in Electron, a method in Playwright); may throw for a dead frame. */
  urlOf(frame: F): string;
}

/** The sender URL for the router: the frame's URL only when it is the very top-level frame object. */
export function senderUrlFor<F extends object>({ frame, mainFrame, urlOf }: SenderFrames<F>): string {
  const url = frame ? safeUrl(frame, urlOf) : 'unknown';
  const isMainFrame = frame !== null && frame !== undefined && frame === mainFrame;
  return isMainFrame ? url : `${SUBFRAME_PREFIX}${url}`;
}

function safeUrl<F>(frame: F, urlOf: (frame: F) => string): string {
  try {
    const url = urlOf(frame);
    return typeof url === 'string' ? url : 'unknown';
  } catch {
    return 'unknown';
  }
}
