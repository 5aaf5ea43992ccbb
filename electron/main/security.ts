import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { shell } from 'electron';

/** The renderer's origin. A privileged standard scheme, so it has real same-origin rules. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pictograph';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hosts the app may open in the user's browser (help, the hosted service's site). https only. */
export const EXTERNAL_ALLOWLIST = new Set(['pictograph.io', 'www.pictograph.io', 'docs.pictograph.io', 'github.com']);

export function webPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' && url.username === '' && url.password === '' && EXTERNAL_ALLOWLIST.has(url.hostname)
    );
  } catch {
    return false;
  }
}

/** Opens allowlisted https links in the system browser; everything else is refused. */
export function openExternalSafely(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false;
  void shell.openExternal(raw);
  return true;
}

/**
 * Locks down one window's web contents: no navigation away from the app, no new windows (an
 * allowlisted link opens in the browser instead), no webviews.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request (camera, notifications, geolocation…): the app needs none. */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}
