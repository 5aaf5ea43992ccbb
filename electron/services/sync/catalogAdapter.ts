import type { Catalog } from '../catalog/catalog';
import type { CatalogReads } from '../catalog/readThrough';
import type { SyncCatalog } from './types';

/** The local catalog as the sync engine sees it (types.ts): what the server took, rules, bases. */
export function catalogForSync(catalog: Catalog, reads: CatalogReads): SyncCatalog {
  return {
    saved(profileId, imageId, annotations, etag, status) {
      // Nothing was sent (the server already held this list): the image keeps the status it has.
      const known = status ?? catalog.images.get(profileId, imageId)?.image.status ?? null;
      if (known !== null) reads.rememberSaved(profileId, imageId, annotations, etag, known);
      else catalog.annotations.put(profileId, imageId, annotations, etag, 0);
    },
    reviewed(profileId, imageId, status, storedLocally) {
      // A local decision (server without the review route) is shown from review-local.json instead.
      if (!storedLocally) reads.rememberStatus(profileId, imageId, status);
    },
    rulesForImage: (profileId, imageId) => reads.rulesForImage(profileId, imageId),
    listAt(profileId, imageId, etag) {
      const cached = catalog.annotations.get(profileId, imageId);
      return cached !== null && cached.etag === etag ? cached.annotations : null;
    },
  };
}
