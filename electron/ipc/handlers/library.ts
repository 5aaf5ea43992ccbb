import type { ImageMeta } from '../../../shared/api';
import { ok } from '../../../shared/ipc';
import type { LocalReviewStore } from '../../services/review/localReviewStore';
import type { CatalogReads } from '../../services/catalog/readThrough';
import type { Session } from '../../services/session/session';
import { mediaUrlFor } from '../../services/media/mediaUrls';
import type { HandlerMap } from '../types';

type LibraryChannel =
  'datasets:list' | 'datasets:get' | 'images:page' | 'images:metadata' | 'media:url' | 'rateLimit:get';

export interface LibraryHandlerDeps {
  session: Session;
  /** Reads through the local catalog (answers offline from what was seen). */
  reads: CatalogReads;
  reviews: LocalReviewStore;
  appOrigin: string;
}

/** Browsing: datasets, image pages and metadata, media URLs, the key's quota. */
export function createLibraryHandlers({
  session,
  reads,
  reviews,
  appOrigin,
}: LibraryHandlerDeps): Pick<HandlerMap, LibraryChannel> {
  // A review decision kept locally shows as the image's status (servers without the review route).
  const overlay = (image: ImageMeta): ImageMeta => {
    const profileId = session.active?.profile.id;
    return profileId === undefined ? image : reviews.overlay(profileId, image);
  };
  return {
    'datasets:list': async ({ refresh }) => ok(await reads.listDatasets({ refresh: refresh === true })),
    'datasets:get': async ({ datasetId }) => ok(await reads.getDataset(datasetId)),
    'images:page': async ({ datasetId, limit, offset, filters }) => {
      const page = await reads.imagesPage({ datasetId, limit, offset, filters });
      return ok({ items: page.items.map((image) => overlay(image)), total: page.total });
    },
    'images:metadata': async ({ imageId }) => ok(overlay(await reads.imageMetadata(imageId))),
    // No connection needed: the URL is resolved (and authorised) when the image is requested.
    'media:url': async ({ imageId, variant }) => ok({ url: mediaUrlFor(appOrigin, imageId, variant) }),
    // `null` before the first API answer.
    'rateLimit:get': async () => ok(session.active?.client.rateLimit ?? null),
  };
}
