import { ok } from '../../../shared/ipc';
import type { CatalogIndexStatus } from '../../../shared/ipc';
import type { Catalog } from '../../services/catalog/catalog';
import type { CatalogIndexer } from '../../services/catalog/indexer';
import { AppError } from '../../services/errors';
import type { LocalReviewStore } from '../../services/review/localReviewStore';
import { notConnectedError } from '../../services/session/session';
import type { Session } from '../../services/session/session';
import type { HandlerMap } from '../types';

type CatalogChannel =
  | 'catalog:query'
  | 'catalog:position'
  | 'catalog:folders'
  | 'catalog:status'
  | 'catalog:refresh'
  | 'catalog:cacheInfo'
  | 'catalog:clear'
  | 'browse:getState'
  | 'browse:saveState'
  | 'settings:get'
  | 'settings:update';

export interface CatalogHandlerDeps {
  catalog: Catalog;
  indexer: CatalogIndexer;
  session: Session;
  reviews: LocalReviewStore;
}

const idleStatus = (datasetId: string): CatalogIndexStatus => ({
  datasetId,
  state: 'idle',
  indexed: 0,
  total: null,
  indexedAt: null,
  error: null,
});

/**
 * The local catalog's channels: queries run over `cache.db` (no request spent), indexing runs in
 * the background. Catalog data belongs to the signed-in profile, so those channels need a session
 * (online or offline); browse state and settings are the app's and work signed out.
 */
export function createCatalogHandlers({
  catalog,
  indexer,
  session,
  reviews,
}: CatalogHandlerDeps): Pick<HandlerMap, CatalogChannel> {
  const profileId = (): string => {
    const active = session.active;
    if (!active) throw notConnectedError();
    return active.profile.id;
  };
  return {
    'catalog:query': async ({ datasetId, query, offset, limit }) => {
      const profile = profileId();
      const cached = catalog.datasets.get(profile, datasetId);
      if (!cached) return ok({ items: [], total: 0, index: idleStatus(datasetId) });
      const items = catalog.queries.page(cached.ds, profile, query, limit, offset);
      return ok({
        items: items.map((image) => reviews.overlay(profile, image)),
        total: catalog.queries.count(cached.ds, profile, query),
        index: cached.index,
        ...(query.classNames?.length ? { annotationsKnown: catalog.annotations.countKnown(profile, cached.ds) } : {}),
      });
    },
    'catalog:position': async ({ datasetId, query, imageId, span }) => {
      const profile = profileId();
      const cached = catalog.datasets.get(profile, datasetId);
      if (!cached) return ok({ position: null, total: 0, before: [], after: [] });
      // Never indexed and the last try failed: the few images seen one by one are no order to step
      // through ("1 / 1" would hide why next/previous do nothing), so say what failed.
      if (cached.index.state === 'error' && cached.index.indexedAt === null)
        throw new AppError({
          ...(cached.index.error ?? { code: 'internal', message: 'Indexing failed.' }),
          message: `This dataset's order is not known on this computer: indexing it failed (${cached.index.error?.message ?? 'no reason given'}).`,
        });
      return ok(catalog.queries.position(cached.ds, profile, query, imageId, span));
    },
    'catalog:folders': async ({ datasetId }) => {
      const cached = catalog.datasets.get(profileId(), datasetId);
      return ok(cached ? catalog.queries.folders(cached.ds) : []);
    },
    'catalog:status': async ({ datasetId }) => ok(indexer.status(profileId(), datasetId)),
    'catalog:refresh': async ({ datasetId, force }) => ok(indexer.refresh(profileId(), datasetId, force === true)),
    'catalog:cacheInfo': async () => ok(await catalog.cacheInfo()),
    // Keeps datasets available offline and whatever the outbox needs (Catalog.clear).
    'catalog:clear': async () => ok(await catalog.clear()),
    'browse:getState': async ({ datasetId }) => ok(catalog.settings.browseState(datasetId)),
    'browse:saveState': async ({ datasetId, state }) => {
      catalog.settings.saveBrowseState(datasetId, state);
      return ok(null);
    },
    'settings:get': async () => ok(catalog.settings.get()),
    'settings:update': async (patch) => {
      const settings = catalog.settings.update(patch);
      if (patch.cacheLimitBytes !== undefined) await catalog.blobs.setLimit(settings.cacheLimitBytes);
      return ok(settings);
    },
  };
}
