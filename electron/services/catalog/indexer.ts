import type { ImageMeta } from '../../../shared/api';
import type { CatalogIndexStatus, IpcError } from '../../../shared/ipc';
import { AppError, isAppError } from '../errors';
import type { Emit } from '../events';
import type { Log } from '../log';
import type { PictographClient } from '../client';
import type { Session } from '../session/session';
import type { Catalog } from './catalog';

export interface IndexerOptions {
  catalog: Catalog;
  session: Session;
  emit: Emit;
  log: Log;
  /** At most one progress event per dataset this often (the final one always goes out). */
  progressIntervalMs?: number;
  now?: () => number;
}

/** Rows the catalog will not store; anything else the schema accepted is kept verbatim. */
const MAX_FILENAME = 1024;
const MAX_DIRECTORY = 4096;
const MAX_ROW_JSON = 64 * 1024;

export function refusalOf(image: ImageMeta, datasetId: string): string | null {
  if (image.dataset_id !== datasetId) return 'it belongs to another dataset';
  if (image.filename.length > MAX_FILENAME) return 'its filename is too long';
  if (image.directory_path.length > MAX_DIRECTORY) return 'its folder path is too long';
  if (JSON.stringify(image).length > MAX_ROW_JSON) return 'its metadata is too large';
  return null;
}

const toIpcError = (error: unknown): IpcError =>
  isAppError(error)
    ? error.toIpcError()
    : { code: 'internal', message: 'Indexing failed inside the app. The details are in its log.' };

interface Run {
  promise: Promise<void>;
  controller: AbortController;
}

/**
 * Indexes a dataset's image metadata into the catalog by paging `GET /images/?limit=1000` (a
 * 10,000-image dataset costs 11 counted requests: the dataset, then 10 pages). A dataset is
 * re-indexed only when its `updated_at` moved since the last complete index (or on `force`).
 * One run per dataset at a time: a second refresh joins the running one. Images the server no
 * longer lists are removed after a complete run; a failed run records its error in the status
 * and keeps what the catalog had.
 */
export class CatalogIndexer {
  readonly #o: IndexerOptions;
  readonly #runs = new Map<string, Run>();
  #disposed = false;

  constructor(options: IndexerOptions) {
    this.#o = options;
  }

  status(profileId: string, datasetId: string): CatalogIndexStatus {
    return (
      this.#o.catalog.datasets.get(profileId, datasetId)?.index ?? {
        datasetId,
        state: 'idle',
        indexed: 0,
        total: null,
        indexedAt: null,
        error: null,
      }
    );
  }

  /** Starts indexing in the background (or joins the running index) and answers at once. */
  refresh(profileId: string, datasetId: string, force = false): CatalogIndexStatus {
    const key = `${profileId}\u0000${datasetId}`;
    if (!this.#disposed && !this.#runs.has(key)) {
      const controller = new AbortController();
      const promise = this.#run(profileId, datasetId, force, controller.signal)
        .catch((error: unknown) => {
          this.#o.log('error', 'Catalog index crashed', { datasetId, error: String(error) });
        })
        .finally(() => this.#runs.delete(key));
      this.#runs.set(key, { promise, controller });
    }
    const current = this.status(profileId, datasetId);
    return this.#runs.has(key) && current.state !== 'indexing' ? { ...current, state: 'indexing' } : current;
  }

  /** Resolves when the dataset's running index (if any) has finished. */
  async settled(profileId: string, datasetId: string): Promise<void> {
    await this.#runs.get(`${profileId}\u0000${datasetId}`)?.promise;
  }

  /** Cancels every running index and waits for them to stop writing. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const run of this.#runs.values()) run.controller.abort();
    await Promise.all([...this.#runs.values()].map((r) => r.promise));
  }

  async #run(profileId: string, datasetId: string, force: boolean, signal: AbortSignal): Promise<void> {
    const { catalog, emit } = this.#o;
    const now = this.#o.now ?? Date.now;
    const withClient = <T>(call: (client: PictographClient) => Promise<T>): Promise<T> =>
      this.#o.session.use((client, connection) => {
        // A sign-in to another workspace while we page must not file its images under this one.
        if (connection.profile.id !== profileId)
          throw new AppError({ code: 'cancelled', message: 'The workspace changed while indexing.' });
        return call(client);
      });
    let ds: number | null = catalog.datasets.get(profileId, datasetId)?.ds ?? null;
    try {
      const dataset = await withClient((client) => client.getDataset(datasetId, signal));
      ds = catalog.datasets.upsert(profileId, dataset, now());
      const before = catalog.datasets.get(profileId, datasetId);
      if (!force && before?.index.state === 'ready' && before.indexedUpdatedAt === dataset.updated_at) {
        emit('event:catalog-index', before.index);
        return;
      }
      const gen = catalog.images.nextGen(ds);
      let indexed = 0;
      let skipped = 0;
      let lastEmit = 0;
      const progress = (final: boolean) => {
        if (ds === null) return;
        catalog.datasets.setIndex(ds, { state: 'indexing', indexed, skipped });
        if (final || now() - lastEmit >= (this.#o.progressIntervalMs ?? 250)) {
          lastEmit = now();
          emit('event:catalog-index', this.status(profileId, datasetId));
        }
      };
      catalog.datasets.setIndex(ds, {
        state: 'indexing',
        indexed: 0,
        skipped: 0,
        total: dataset.image_count,
        error: null,
      });
      progress(true);
      await withClient(async (client) => {
        for await (const page of client.iterateImages({ datasetId, pageSize: 1000 }, signal)) {
          if (signal.aborted || ds === null) break;
          const keep = page.filter((image) => {
            const reason = refusalOf(image, datasetId);
            if (reason === null) return true;
            this.#o.log('warn', 'Catalog index skipped an image', {
              datasetId,
              imageId: image.id.slice(0, 256),
              reason,
            });
            return false;
          });
          skipped += page.length - keep.length;
          catalog.images.upsertMany(ds, keep, now(), gen, false);
          indexed += keep.length;
          progress(false);
        }
      });
      if (signal.aborted) throw new AppError({ code: 'cancelled', message: 'Indexing was cancelled.' });
      const removed = catalog.images.removeNotSeen(ds, gen);
      catalog.annotations.removeMany(profileId, removed);
      catalog.datasets.setIndex(ds, {
        state: 'ready',
        indexed,
        skipped,
        total: catalog.images.count(ds),
        indexedAt: new Date(now()).toISOString(),
        indexedUpdatedAt: dataset.updated_at,
        error: null,
      });
      emit('event:catalog-index', this.status(profileId, datasetId));
      emit('event:catalog-changed', { datasetId, kind: 'images' });
    } catch (error) {
      if (ds === null) {
        emit('event:catalog-index', { ...this.status(profileId, datasetId), state: 'error', error: toIpcError(error) });
        if (!isAppError(error)) throw error;
        return;
      }
      const cancelled = isAppError(error) && error.code === 'cancelled';
      if (cancelled) {
        catalog.datasets.resetInterruptedIndexes(ds);
      } else {
        this.#o.log('warn', 'Catalog index failed; the catalog keeps what it had', {
          datasetId,
          code: toIpcError(error).code,
        });
        catalog.datasets.setIndex(ds, { state: 'error', error: toIpcError(error) });
      }
      if (!this.#disposed) emit('event:catalog-index', this.status(profileId, datasetId));
      if (!isAppError(error)) throw error;
    }
  }
}
