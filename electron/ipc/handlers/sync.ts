import { ok } from '../../../shared/ipc';
import { notConnectedError } from '../../services/session/session';
import { listConflicts, resolveConflict } from '../../services/sync/conflicts';
import type { SyncEngine } from '../../services/sync/syncEngine';
import type { Outbox } from '../../services/outbox/outbox';
import type { SyncCatalog } from '../../services/sync/types';
import type { HandlerMap } from '../types';

type SyncChannel = 'sync:status' | 'sync:flush' | 'sync:conflicts' | 'sync:resolve';

export interface SyncHandlerDeps {
  engine: SyncEngine;
  outbox: Outbox;
  catalog: SyncCatalog;
}

/** The outbox and its sync (docs/offline.md): status, a flush on demand, conflicts and their resolution. */
export function createSyncHandlers({ engine, outbox, catalog }: SyncHandlerDeps): Pick<HandlerMap, SyncChannel> {
  const profileId = (): string => {
    const id = engine.currentProfileId();
    if (id === null) throw notConnectedError();
    return id;
  };
  return {
    'sync:status': () => Promise.resolve(ok(engine.status())),
    'sync:flush': async () => {
      await engine.flush({ retryFailed: true });
      return ok(engine.status());
    },
    'sync:conflicts': () => Promise.resolve(ok(listConflicts(outbox, profileId()))),
    'sync:resolve': (request) => {
      const id = profileId();
      const result = resolveConflict({ outbox, catalog }, id, request);
      engine.announce();
      if (result.queued) engine.kick(id, result.imageId);
      return Promise.resolve(ok(result));
    },
  };
}
