import { channel } from '../define';
import { emptyRequest } from '../schemas';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the Chromium preview/test harness. */
  host: 'electron' | 'harness';
  platform: string;
}

export const appChannels = {
  'app:info': channel<AppInfo>()(emptyRequest),
};
