import { ok } from '../../../shared/ipc';
import type { ExportsService } from '../../services/exports/exportsService';
import type { HandlerMap } from '../types';

type ExportsChannel =
  | 'exports:create'
  | 'exports:list'
  | 'exports:get'
  | 'exports:delete'
  | 'exports:follow'
  | 'exports:unfollow'
  | 'exports:download'
  | 'exports:cancelDownload'
  | 'exports:downloads';

/**
 * Export channels over the ExportsService: the renderer names a folder (from the save dialog);
 * main checks it and writes only inside it.
 */
export function createExportsHandlers({ exports }: { exports: ExportsService }): Pick<HandlerMap, ExportsChannel> {
  return {
    'exports:create': async ({ request, follow }) => ok(await exports.create(request, follow)),
    'exports:list': async ({ datasetName }) => ok(await exports.list(datasetName)),
    'exports:get': async ({ exportId }) => ok(await exports.get(exportId)),
    'exports:delete': async ({ exportId }) => {
      await exports.delete(exportId);
      return ok({ deleted: true as const });
    },
    'exports:follow': async ({ exportId }) => ok(await exports.follow(exportId)),
    'exports:unfollow': async ({ exportId }) => {
      exports.unfollow(exportId);
      return ok({ following: false as const });
    },
    'exports:download': async ({ exportId, folder }) => ok(await exports.download(exportId, folder)),
    'exports:cancelDownload': async ({ downloadId }) => ok({ cancelled: exports.cancelDownload(downloadId) }),
    'exports:downloads': async () => ok(exports.downloads()),
  };
}
