import { channel } from '../define';
import { emptyRequest } from '../schemas';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the Chromium preview/test harness. */
  host: 'electron' | 'harness';
  platform: string;
}

/** A warning or error main logged recently (already redacted: no key, only its prefix). */
export interface RecentError {
  at: string;
  level: 'warn' | 'error';
  message: string;
}

/**
 * What Help → "Copy diagnostics" puts on the clipboard: enough to reproduce a report, never the key
 * (main redacts anything key-shaped in it; tests/integration/main/keyLeak.test.ts checks).
 */
export interface Diagnostics {
  app: AppInfo;
  /** Runtime versions; a runtime the host does not have (Electron, Chrome in the harness) is null. */
  versions: { electron: string | null; chrome: string | null; node: string; v8: string };
  os: { platform: string; arch: string; release: string };
  /** Host (and port) of the signed-in or last used workspace, never its path, query or key. */
  profileHost: string | null;
  connectionState: string;
  recentErrors: RecentError[];
  /** The whole report as plain text, ready for the clipboard. */
  text: string;
}

export const appChannels = {
  'app:info': channel<AppInfo>()(emptyRequest),
  'app:diagnostics': channel<Diagnostics>()(emptyRequest),
};
