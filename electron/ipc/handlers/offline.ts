import { ok } from '../../../shared/ipc';
import type { OfflineDownloader } from '../../services/offline/offlineDownloader';
import type { HandlerMap } from '../types';

type OfflineChannel =
  'offline:enable' | 'offline:disable' | 'offline:status' | 'offline:pause' | 'offline:resume' | 'offline:cancel';

/** "Available offline" datasets (docs/offline.md): every channel needs a signed-in profile (not_connected otherwise). */
export function createOfflineHandlers({ offline }: { offline: OfflineDownloader }): Pick<HandlerMap, OfflineChannel> {
  return {
    'offline:enable': ({ datasetId }) => Promise.resolve(ok(offline.enable(datasetId))),
    'offline:disable': async ({ datasetId }) => ok(await offline.disable(datasetId)),
    'offline:status': () => Promise.resolve(ok(offline.list())),
    'offline:pause': ({ datasetId }) => Promise.resolve(ok(offline.pause(datasetId))),
    'offline:resume': ({ datasetId }) => Promise.resolve(ok(offline.resume(datasetId))),
    'offline:cancel': async ({ datasetId }) => ok(await offline.disable(datasetId)),
  };
}
