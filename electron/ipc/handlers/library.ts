import { ok } from '../../../shared/ipc';
import type { LocalReviewStore } from '../../services/review/localReviewStore';
import type { KnownDatasets } from '../../services/session/knownDatasets';
import type { Session } from '../../services/session/session';
import { mediaUrlFor } from '../../services/media/mediaUrls';
import type { HandlerMap } from '../types';

type LibraryChannel =
  'datasets:list' | 'datasets:get' | 'images:page' | 'images:metadata' | 'media:url' | 'rateLimit:get';

export interface LibraryHandlerDeps {
  session: Session;
  known: KnownDatasets;
  reviews: LocalReviewStore;
  appOrigin: string;
}

/** Browsing: datasets, image pages and metadata, media URLs, the key's quota. */
export function createLibraryHandlers({
  session,
  known,
  reviews,
  appOrigin,
}: LibraryHandlerDeps): Pick<HandlerMap, LibraryChannel> {
  return {
    'datasets:list': async () =>
      ok(
        await session.use(async (client, { profile }) => {
          const datasets = await client.listDatasets();
          known.rememberDatasets(profile.id, datasets);
          return datasets;
        }),
      ),
    'datasets:get': async ({ datasetId }) =>
      ok(
        await session.use(async (client, { profile }) => {
          const dataset = await client.getDataset(datasetId);
          known.rememberDatasets(profile.id, [dataset]);
          return dataset;
        }),
      ),
    'images:page': async ({ datasetId, limit, offset, filters }) =>
      ok(
        await session.use(async (client, { profile }) => {
          const page = await client.listImages({ datasetId, limit, offset, ...(filters ? { filters } : {}) });
          known.rememberImages(profile.id, page.items);
          return { items: page.items.map((image) => reviews.overlay(profile.id, image)), total: page.total };
        }),
      ),
    'images:metadata': async ({ imageId }) =>
      ok(
        await session.use(async (client, { profile }) => {
          const image = await client.getImageMetadata(imageId);
          known.rememberImages(profile.id, [image]);
          return reviews.overlay(profile.id, image);
        }),
      ),
    // No connection needed: the URL is resolved (and authorised) when the image is requested.
    'media:url': async ({ imageId, variant }) => ok({ url: mediaUrlFor(appOrigin, imageId, variant) }),
    // `null` before the first API answer.
    'rateLimit:get': async () => ok(session.active?.client.rateLimit ?? null),
  };
}
