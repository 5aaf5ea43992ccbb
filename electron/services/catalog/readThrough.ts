import type { Annotation, Dataset, ImageMeta } from '../../../shared/api';
import { withStoredDefaults } from '../../../shared/annotations/canonicalize';
import type { DatasetRules } from '../../../shared/annotations/validate';
import type { AnnotationsDoc, ImageFilters, ImagePage } from '../../../shared/ipc';
import { isAppError } from '../errors';
import type { Emit } from '../events';
import type { Log } from '../log';
import { notConnectedError } from '../session/session';
import type { ActiveConnection, Session } from '../session/session';
import type { Catalog } from './catalog';
import type { CatalogIndexer } from './indexer';

export interface ReadThroughOptions {
  catalog: Catalog;
  session: Session;
  indexer: CatalogIndexer;
  emit: Emit;
  log: Log;
  /** A cached answer checked with the server more recently than this is not checked again (default 60 s). */
  revalidateAfterMs?: number;
  now?: () => number;
}

/** The server could not be reached: what the catalog has is the answer (offline work, design §1). */
const UNREACHABLE = new Set(['network', 'timeout', 'offline']);
/** Also worth answering from the catalog when a page was asked for and the server is failing. */
const SERVE_CACHED_ON = new Set([...UNREACHABLE, 'rate_limited', 'server_error', 'service_unavailable']);

const codeOf = (error: unknown): string | null => (isAppError(error) ? error.code : null);

/** How long the catalog write of a fresh annotation list waits behind the answer (AnnotationRepo.putSoon). */
const DEFERRED_WRITE_MS = 600;

/** Lowest annotation confidence as the server computes it (§7.3: absent or null counts as 1.0). */
export function minConfidenceOf(annotations: readonly Annotation[]): number | null {
  if (annotations.length === 0) return null;
  return Math.min(...annotations.map((a) => a.confidence ?? 1));
}

/**
 * The library's reads through the catalog. Per-image reads (`images:metadata`, `annotations:get`)
 * and indexed `images:page`s are answered from the catalog at once and revalidated in the
 * background when online; a change is announced with `event:catalog-changed`. The dataset list
 * and a dataset are too (always revalidated: one cheap request), except that a refresh the user
 * asked for goes to the server and must be able to fail visibly.
 */
export class CatalogReads {
  readonly #o: ReadThroughOptions;
  readonly #background = new Map<string, Promise<void>>();

  constructor(options: ReadThroughOptions) {
    this.#o = options;
  }

  /**
   * Catalog first: a list seen before answers at once and is checked with the server in the
   * background (one cheap request each time, so progress counts catch up within a moment;
   * `event:catalog-changed {kind:'datasets'}` tells the renderer when it changed). `refresh` (the
   * user's button) and a first visit, with nothing cached, ask the server and fail visibly.
   */
  async listDatasets({ refresh = false }: { refresh?: boolean } = {}): Promise<Dataset[]> {
    const { catalog } = this.#o;
    const profileId = this.#active().profile.id;
    const cached = catalog.datasets.list(profileId);
    const fetchAll = async () => {
      const datasets = await this.#o.session.use((client, connection) => {
        this.#sameProfile(connection, profileId);
        return client.listDatasets();
      });
      if (catalog.datasets.replaceAll(profileId, datasets, this.#now()))
        this.#o.emit('event:catalog-changed', { datasetId: null, kind: 'datasets' });
      return datasets;
    };
    if (cached.length > 0 && !refresh) {
      this.#inBackground(`datasets\u0000${profileId}`, async () => void (await fetchAll()));
      return cached;
    }
    return fetchAll();
  }

  /** Catalog first like the list; a dataset never seen here is asked of the server. */
  async getDataset(datasetId: string): Promise<Dataset> {
    const { catalog } = this.#o;
    const profileId = this.#active().profile.id;
    const cached = catalog.datasets.get(profileId, datasetId);
    const fetchOne = async () => {
      const dataset = await this.#o.session.use((client, connection) => {
        this.#sameProfile(connection, profileId);
        return client.getDataset(datasetId);
      });
      const changed = JSON.stringify(cached?.dataset) !== JSON.stringify(dataset);
      catalog.datasets.upsert(profileId, dataset, this.#now());
      if (changed && cached) this.#o.emit('event:catalog-changed', { datasetId: null, kind: 'datasets' });
      return dataset;
    };
    if (cached) {
      this.#inBackground(`dataset\u0000${profileId}\u0000${datasetId}`, async () => void (await fetchOne()));
      return cached.dataset;
    }
    return fetchOne();
  }

  async imagesPage(q: {
    datasetId: string;
    limit: number;
    offset: number;
    filters?: ImageFilters | undefined;
  }): Promise<ImagePage> {
    const { catalog } = this.#o;
    const profileId = this.#active().profile.id;
    const cached = catalog.datasets.get(profileId, q.datasetId);
    // Archived images are never indexed, so only the server can list them; and a dataset whose
    // images were never seen here has nothing to answer with (an empty page would be a lie).
    const local =
      cached !== null &&
      q.filters?.includeArchived !== true &&
      (cached.index.indexedAt !== null || catalog.images.count(cached.ds) > 0);
    if (local && cached.index.state === 'ready') {
      if (this.#stale(cached.syncedMs)) this.#o.indexer.refresh(profileId, q.datasetId);
      return catalog.images.serverLikePage(cached.ds, q.filters, q.limit, q.offset);
    }
    try {
      const page = await this.#o.session.use((client) =>
        client.listImages({
          datasetId: q.datasetId,
          limit: q.limit,
          offset: q.offset,
          ...(q.filters ? { filters: q.filters } : {}),
        }),
      );
      if (cached)
        catalog.images.upsertMany(
          cached.ds,
          page.items.filter((i) => !i.is_archived && i.dataset_id === q.datasetId),
          this.#now(),
        );
      return page;
    } catch (error) {
      if (local && SERVE_CACHED_ON.has(codeOf(error) ?? ''))
        return catalog.images.serverLikePage(cached.ds, q.filters, q.limit, q.offset);
      throw error;
    }
  }

  async imageMetadata(imageId: string): Promise<ImageMeta> {
    const profileId = this.#active().profile.id;
    const cached = this.#o.catalog.images.get(profileId, imageId);
    if (cached) {
      if (this.#stale(cached.syncedMs))
        this.#inBackground(`meta\u0000${profileId}\u0000${imageId}`, () =>
          this.#fetchMetadata(profileId, imageId, true),
        );
      return cached.image;
    }
    return this.#fetchMetadata(profileId, imageId, false);
  }

  async annotations(imageId: string): Promise<AnnotationsDoc> {
    const profileId = this.#active().profile.id;
    const cached = this.#o.catalog.annotations.get(profileId, imageId);
    if (cached) {
      if (cached.syncedMs === 0 || this.#stale(cached.syncedMs))
        this.#inBackground(`ann\u0000${profileId}\u0000${imageId}`, async () => {
          await this.#fetchAnnotations(profileId, imageId, true);
        });
      return { imageId, annotations: cached.annotations, etag: cached.etag };
    }
    return this.#fetchAnnotations(profileId, imageId, false);
  }

  /**
   * After the server accepted a save: the document (in the form we sent with the server's §7.3
   * defaults filled in, marked for a re-read of the server's canonical form) and the image's counts, so browsing and filters see it at once.
   */
  rememberSaved(
    profileId: string,
    imageId: string,
    annotations: Annotation[],
    etag: string | null,
    status: string,
  ): void {
    const { catalog } = this.#o;
    catalog.annotations.put(profileId, imageId, annotations.map(withStoredDefaults), etag, 0);
    const datasetId = catalog.images.patch(profileId, imageId, {
      status,
      annotation_count: annotations.length,
      min_confidence: minConfidenceOf(annotations),
    });
    this.#o.emit('event:catalog-changed', { datasetId, kind: 'annotations', imageId });
  }

  /** After a review the server recorded: the image's new status. */
  rememberStatus(profileId: string, imageId: string, status: string): void {
    const datasetId = this.#o.catalog.images.patch(profileId, imageId, { status });
    if (datasetId !== null) this.#o.emit('event:catalog-changed', { datasetId, kind: 'images', imageId });
  }

  /** The dataset rules for an image this catalog knows, so a save is checked before spending quota. */
  rulesForImage(profileId: string, imageId: string): DatasetRules | null {
    const image = this.#o.catalog.images.get(profileId, imageId);
    if (!image) return null;
    const dataset = this.#o.catalog.datasets.get(profileId, image.image.dataset_id);
    return dataset ? { classes: dataset.dataset.classes, annotation_types: dataset.dataset.annotation_types } : null;
  }

  /** Waits for background revalidations (tests, and dispose before the database closes). */
  async settled(): Promise<void> {
    while (this.#background.size > 0) await Promise.all([...this.#background.values()]);
    this.#o.catalog.annotations.flushPending();
  }

  async #fetchMetadata(profileId: string, imageId: string, background: boolean): Promise<ImageMeta> {
    const { catalog } = this.#o;
    let image: ImageMeta;
    try {
      image = await this.#o.session.use((client, connection) => {
        this.#sameProfile(connection, profileId);
        return client.getImageMetadata(imageId);
      });
    } catch (error) {
      if (background && codeOf(error) === 'not_found') {
        const datasetId = catalog.images.get(profileId, imageId)?.image.dataset_id ?? null;
        catalog.images.remove(profileId, imageId);
        this.#o.emit('event:catalog-changed', { datasetId, kind: 'images', imageId });
      }
      throw error;
    }
    const dataset = catalog.datasets.get(profileId, image.dataset_id);
    if (dataset && !image.is_archived) {
      const changed = catalog.images.upsertMany(dataset.ds, [image], this.#now());
      if (background && changed.length > 0)
        this.#o.emit('event:catalog-changed', { datasetId: image.dataset_id, kind: 'images', imageId });
    }
    return image;
  }

  async #fetchAnnotations(profileId: string, imageId: string, background: boolean): Promise<AnnotationsDoc> {
    const { annotations, etag } = await this.#o.session.use((client, connection) => {
      this.#sameProfile(connection, profileId);
      return client.getAnnotations(imageId);
    });
    if (!background) {
      // Answer first: the catalog write (the list's JSON text and SQLite, ~100 ms for 10,000
      // polygons) waits until the list has crossed to the renderer and been drawn.
      this.#o.catalog.annotations.putSoon(profileId, imageId, annotations, etag, this.#now(), DEFERRED_WRITE_MS);
      return { imageId, annotations, etag };
    }
    const changed = this.#o.catalog.annotations.put(profileId, imageId, annotations, etag, this.#now());
    if (background && changed) {
      const datasetId = this.#o.catalog.images.get(profileId, imageId)?.image.dataset_id ?? null;
      this.#o.emit('event:catalog-changed', { datasetId, kind: 'annotations', imageId });
    }
    return { imageId, annotations, etag };
  }

  #inBackground(key: string, work: () => Promise<unknown>): void {
    if (this.#background.has(key)) return;
    const run = work()
      .then(() => undefined)
      .catch((error: unknown) => {
        // Offline or failing: the cached answer stands; the session already noted the state.
        if (!isAppError(error)) this.#o.log('error', 'Catalog revalidation failed', { error: String(error) });
      })
      .finally(() => this.#background.delete(key));
    this.#background.set(key, run);
  }

  #sameProfile(connection: ActiveConnection, profileId: string): void {
    if (connection.profile.id !== profileId) throw notConnectedError();
  }

  #active(): ActiveConnection {
    const active = this.#o.session.active;
    if (!active) throw notConnectedError();
    return active;
  }

  #stale(syncedMs: number): boolean {
    return this.#now() - syncedMs >= (this.#o.revalidateAfterMs ?? 60_000);
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}
