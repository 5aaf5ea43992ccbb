import { ok } from '../../../shared/ipc';
import type { UploadsService } from '../../services/uploads/uploadsService';
import type { HandlerMap } from '../types';

type UploadsChannel = 'uploads:add' | 'uploads:list' | 'uploads:cancel' | 'uploads:clear';

/** Upload channels over the UploadsService; progress travels as `event:upload`. */
export function createUploadsHandlers({ uploads }: { uploads: UploadsService }): Pick<HandlerMap, UploadsChannel> {
  return {
    'uploads:add': async (request) => ok(await uploads.add(request)),
    'uploads:list': async ({ batchId }) => ok(uploads.list(batchId)),
    'uploads:cancel': async (request) => ok({ cancelled: uploads.cancel(request) }),
    'uploads:clear': async () => ok({ removed: uploads.clear() }),
  };
}
