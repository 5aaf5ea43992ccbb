import type { Annotation } from '../../../shared/api';
import type { DatasetRules } from '../../../shared/annotations/validate';

/**
 * What the sync engine tells the local catalog (electron/services/catalog) once the server has an
 * edit, so browsing and filters see it; and what it asks of it (the dataset rules a save is checked
 * against, the base list an edit started from). Kept as an interface so the services stay apart.
 */
export interface SyncCatalog {
  /** The server holds `annotations` at `etag`; `status` is its answer, null when nothing was sent. */
  saved(
    profileId: string,
    imageId: string,
    annotations: Annotation[],
    etag: string | null,
    status: string | null,
  ): void;
  reviewed(profileId: string, imageId: string, status: string, storedLocally: boolean): void;
  rulesForImage(profileId: string, imageId: string): DatasetRules | null;
  /** The list this computer knows at `etag` (the base of an edit), or null. */
  listAt(profileId: string, imageId: string, etag: string): Annotation[] | null;
}

/** A catalog that knows nothing: for tools and tests that run the engine alone. */
export const NO_CATALOG: SyncCatalog = {
  saved: () => {},
  reviewed: () => {},
  rulesForImage: () => null,
  listAt: () => null,
};
