import type { OfflineStatus } from '../../../shared/ipc';
import type { Catalog } from '../catalog/catalog';
import type { CatalogIndexer } from '../catalog/indexer';
import type { StoredOfflineState } from '../catalog/offlineRepo';
import { AppError, isAppError } from '../errors';
import type { Emit } from '../events';
import type { Log } from '../log';
import { notConnectedError } from '../session/session';
import type { Session } from '../session/session';
import { etagOfList } from './annotationDocs';
import type { AnnotationDoc } from './annotationDocs';
import { annotationsFromExport, ExportUnavailable } from './exportAnnotations';
import type { ExportTiming, UseClient } from './exportAnnotations';
import { fetchImage } from './imageFetch';
import { readListing, SignedUrls } from './listing';
import { runPool } from './pool';
import { offlineStatusOf } from './status';

export interface OfflineDownloaderOptions {
  catalog: Catalog;
  session: Session;
  indexer: CatalogIndexer;
  emit: Emit;
  log: Log;
  /** True while the outbox holds a queued edit or a conflict for the image: its document is left alone. */
  outboxHolds(profileId: string, imageId: string): boolean;
  /** Downloads at once (default 4). */
  concurrency?: number;
  exportTiming?: ExportTiming;
  /** Progress events at most this often (default 250 ms); state changes always go out. */
  progressEveryMs?: number;
  now?: () => number;
}

/** Failures that stop the whole run (no point trying the next image); anything else is one image's. */
const STOPS_THE_RUN = new Set([
  'network',
  'timeout',
  'offline',
  'not_connected',
  'invalid_api_key',
  'cancelled',
  'rate_limited',
]);
/** The run stopped because the network went: it waits for the connection and goes on by itself. */
const WAITS_FOR_NETWORK = new Set(['network', 'timeout', 'offline', 'not_connected']);

const codeOf = (error: unknown): string | null => (isAppError(error) ? error.code : null);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface Run {
  profileId: string;
  datasetId: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * "Available offline" (issue 10 item 4, docs/offline.md): per dataset, the image metadata (the
 * catalog's index), every image through the download listing's signed URLs, and every annotation
 * list from one `pictograph` export — or each image's annotation file when exports are not there
 * for this key. Progress lives in cache.db (offline_datasets/offline_items), so pause, a crash or
 * a restart resume where it stopped; the items are the pins that keep the dataset from eviction.
 * One dataset downloads at a time, `concurrency` images at once.
 */
export class OfflineDownloader {
  readonly #o: OfflineDownloaderOptions;
  #run: Run | null = null;
  #lastProgress = 0;
  #disposed = false;

  constructor(options: OfflineDownloaderOptions) {
    this.#o = options;
  }

  status(datasetId: string): OfflineStatus {
    return offlineStatusOf(this.#o.catalog.offline, this.#profileId(), datasetId);
  }

  list(): OfflineStatus[] {
    const profileId = this.#profileId();
    return this.#o.catalog.offline
      .list(profileId)
      .map((row) => offlineStatusOf(this.#o.catalog.offline, profileId, row.datasetId));
  }

  enable(datasetId: string): OfflineStatus {
    const profileId = this.#profileId();
    const row = this.#o.catalog.offline.enable(profileId, datasetId, this.#now());
    // Enabling a complete dataset again checks it against the server (new images, changed lists).
    if (row.state === 'complete') this.#o.catalog.offline.update(profileId, datasetId, { state: 'queued' });
    this.#announce(profileId, datasetId);
    this.kick();
    return this.status(datasetId);
  }

  pause(datasetId: string): OfflineStatus {
    const profileId = this.#profileId();
    const row = this.#existing(profileId, datasetId);
    if (row.state === 'queued' || row.state === 'downloading' || row.state === 'failed') {
      this.#o.catalog.offline.update(profileId, datasetId, { state: 'paused' });
      this.#stopIfRunning(profileId, datasetId, 'paused');
      this.#announce(profileId, datasetId);
    }
    return this.status(datasetId);
  }

  resume(datasetId: string): OfflineStatus {
    const profileId = this.#profileId();
    const row = this.#existing(profileId, datasetId);
    if (row.state !== 'downloading') {
      this.#o.catalog.offline.update(profileId, datasetId, { state: 'queued', error: null });
      this.#announce(profileId, datasetId);
      this.kick();
    }
    return this.status(datasetId);
  }

  /** Disable and cancel: stop, then forget the mark and unpin (the files stay as ordinary cache). */
  async disable(datasetId: string): Promise<OfflineStatus> {
    const profileId = this.#profileId();
    const run = this.#stopIfRunning(profileId, datasetId, 'cancelled');
    await run?.done;
    this.#o.catalog.offline.remove(profileId, datasetId);
    this.#announce(profileId, datasetId);
    this.kick();
    return this.status(datasetId);
  }

  /** Starts the next waiting dataset of the signed-in profile when nothing runs and we are connected. */
  kick(): void {
    if (this.#disposed || this.#run !== null) return;
    const active = this.#o.session.active;
    if (!active || this.#o.session.status.state !== 'connected') return;
    const profileId = active.profile.id;
    // 'downloading' rows here were cut off by a restart: they go on too.
    const next = this.#o.catalog.offline
      .list(profileId)
      .find((row) => row.state === 'queued' || row.state === 'downloading');
    if (!next) return;
    const controller = new AbortController();
    const run: Run = { profileId, datasetId: next.datasetId, controller, done: Promise.resolve() };
    run.done = this.#download(run)
      .catch((error: unknown) => this.#o.log('error', 'Offline download crashed', { error: messageOf(error) }))
      .finally(() => {
        if (this.#run === run) this.#run = null;
        this.kick();
      });
    this.#run = run;
  }

  /** The connection changed: a download waiting for the network starts; one running on a dead network stops by itself. */
  onConnectionChanged(): void {
    this.kick();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    const run = this.#run;
    run?.controller.abort(new AppError({ code: 'cancelled', message: 'The app is closing.' }));
    await run?.done;
  }

  /** Waits for the running download (tests, the benchmark). */
  async settled(): Promise<void> {
    while (this.#run !== null) await this.#run.done;
  }

  async #download(run: Run): Promise<void> {
    const { catalog, session, indexer } = this.#o;
    const { profileId, datasetId, controller } = run;
    const signal = controller.signal;
    const repo = catalog.offline;
    const use: UseClient = (call) =>
      session.use((client, connection) => {
        if (connection.profile.id !== profileId) throw notConnectedError();
        if (signal.aborted) throw signal.reason as Error;
        return call(client);
      });
    repo.update(profileId, datasetId, { state: 'downloading', error: null });
    this.#announce(profileId, datasetId);
    try {
      // The browser's index (filters, sorts, folders) must be complete to browse offline.
      indexer.refresh(profileId, datasetId);
      const listing = await readListing(use, datasetId, signal);
      const bytesTotal = repo.setItems(
        profileId,
        datasetId,
        listing.items.map((item) => ({ imageId: item.id, filename: item.filename, fileSize: item.file_size })),
      );
      repo.update(profileId, datasetId, { bytesTotal });
      if (listing.unlisted > 0)
        this.#o.log('warn', 'Offline download: images the listing could not name', {
          datasetId,
          unlisted: listing.unlisted,
        });
      const urls = new SignedUrls(use, datasetId, signal, listing.items);
      const inDataset = new Set(listing.items.map((item) => item.id));
      const storeDoc = (doc: AnnotationDoc) => {
        if (!inDataset.has(doc.imageId)) return;
        // A queued edit or a conflict is what the user sees; its base must not move under it.
        if (!this.#o.outboxHolds(profileId, doc.imageId))
          catalog.annotations.put(profileId, doc.imageId, doc.annotations, doc.etag, this.#now());
        repo.markAnnotations(profileId, [doc.imageId]);
        this.#progress(profileId, datasetId);
      };

      const concurrency = this.#o.concurrency ?? 4;
      const perItem =
        (what: 'image' | 'annotations', work: (imageId: string, fileSize: number) => Promise<void>) =>
        async (item: { imageId: string; fileSize: number }) => {
          try {
            await work(item.imageId, item.fileSize);
          } catch (error) {
            if (signal.aborted || STOPS_THE_RUN.has(codeOf(error) ?? '')) throw error;
            if (!isAppError(error))
              this.#o.log('error', 'Offline download of an image failed', { error: messageOf(error) });
            repo.fail(profileId, item.imageId, what, messageOf(error));
          }
          this.#progress(profileId, datasetId);
        };
      // The server builds the export while the images download; it is asked about only once they are here.
      const pending = repo.pending(profileId, datasetId);
      let imagesSettled: () => void = () => {};
      const imagesDone = new Promise<void>((resolve) => (imagesSettled = resolve));
      const [exported, images] = await Promise.allSettled([
        this.#annotationsFromExport(run, use, storeDoc, imagesDone),
        runPool(
          pending.filter((item) => !item.imageDone),
          concurrency,
          perItem('image', async (imageId, fileSize) => {
            if (!(await this.#alreadyCached(profileId, imageId, fileSize)))
              await fetchImage({ use, urls, blobs: catalog.blobs, profileId, imageId, signal });
            repo.markImage(profileId, imageId);
          }),
        ).finally(() => imagesSettled()),
      ]);
      if (exported.status === 'rejected') throw exported.reason;
      if (images.status === 'rejected') throw images.reason;
      // Lists the export did not carry (no export for this key, or images added since): one by one.
      await runPool(
        repo.pending(profileId, datasetId).filter((item) => !item.annotationsDone),
        concurrency,
        perItem('annotations', async (imageId) => storeDoc(await this.#annotationFile(use, imageId, signal))),
      );
      await indexer.settled(profileId, datasetId);
      const counts = repo.counts(profileId, datasetId);
      const failed = counts.failures + listing.unlisted;
      repo.update(
        profileId,
        datasetId,
        failed === 0
          ? { state: 'complete', completedMs: this.#now(), error: null }
          : {
              state: 'failed',
              error: {
                code: 'bad_response',
                message:
                  listing.unlisted > 0
                    ? `${listing.unlisted} images could not be listed (more than 10,000 with one status); ${counts.failures} failed.`
                    : `${counts.failures} of ${counts.total} images could not be downloaded (see the report); resume to try them again.`,
              },
            },
      );
    } catch (error) {
      this.#stopped(run, error);
    }
    this.#announce(profileId, datasetId);
  }

  async #annotationsFromExport(
    run: Run,
    use: UseClient,
    storeDoc: (doc: AnnotationDoc) => void,
    pollAfter: Promise<void>,
  ): Promise<void> {
    const { profileId, datasetId, controller } = run;
    const repo = this.#o.catalog.offline;
    const row = repo.get(profileId, datasetId);
    if (!row || row.annotationsFrom === 'per-image') return;
    if (repo.counts(profileId, datasetId).annotationsDone === repo.counts(profileId, datasetId).total) return;
    const dataset =
      this.#o.catalog.datasets.get(profileId, datasetId)?.dataset ??
      (await use((client) => client.getDataset(datasetId, controller.signal)));
    try {
      await annotationsFromExport({
        use,
        signal: controller.signal,
        datasetSlug: dataset.slug,
        exportId: row.exportId,
        onExportId: (id) => repo.update(profileId, datasetId, { exportId: id }),
        exportName: row.exportName,
        onExportName: (name) => repo.update(profileId, datasetId, { exportName: name }),
        onDoc: storeDoc,
        pollAfter,
        onBadEntry: (entry, message) =>
          this.#o.log('warn', 'Offline download: an export entry was unreadable', { entry, message }),
        ...(this.#o.exportTiming ? { timing: this.#o.exportTiming } : {}),
      });
      repo.update(profileId, datasetId, { annotationsFrom: 'export', exportId: null, exportName: null });
    } catch (error) {
      if (!(error instanceof ExportUnavailable)) throw error;
      // Each image's annotation file instead: one counted request per image (docs/offline.md).
      this.#o.log('info', 'Offline download: annotations per image', { datasetId, reason: error.reason });
      repo.update(profileId, datasetId, { annotationsFrom: 'per-image', exportId: null, exportName: null });
    }
  }

  /**
   * One image's list (§7.4 `GET /annotations/{id}`): one counted request, the same as the listing's
   * `annotation_url` file would cost, and it carries the server's ETag.
   */
  async #annotationFile(use: UseClient, imageId: string, signal: AbortSignal): Promise<AnnotationDoc> {
    const { annotations, etag } = await use((client) => client.getAnnotations(imageId, signal));
    return { imageId, annotations, etag: etag ?? etagOfList(annotations) };
  }

  async #alreadyCached(profileId: string, imageId: string, fileSize: number): Promise<boolean> {
    const blobs = this.#o.catalog.blobs;
    const full = await blobs.get({ profileId, imageId, variant: 'full' });
    if (!full || full.size !== fileSize || full.source !== 'server') return false;
    return (await blobs.get({ profileId, imageId, variant: 'thumbnail' })) !== null;
  }

  #stopped(run: Run, error: unknown): void {
    const { profileId, datasetId, controller } = run;
    const repo = this.#o.catalog.offline;
    if (!repo.get(profileId, datasetId)) return;
    // Paused or cancelled by the user (or the app closing): the state was already written.
    const reason = controller.signal.aborted ? (controller.signal.reason as unknown) : null;
    if (reason === 'paused' || reason === 'cancelled') return;
    if (this.#disposed) {
      repo.update(profileId, datasetId, { state: 'queued' });
      return;
    }
    const ipc = isAppError(error) ? error.toIpcError() : { code: 'internal' as const, message: messageOf(error) };
    if (!isAppError(error)) this.#o.log('error', 'Offline download failed', { datasetId, error: messageOf(error) });
    const state: StoredOfflineState = WAITS_FOR_NETWORK.has(ipc.code) ? 'queued' : 'failed';
    repo.update(profileId, datasetId, { state, error: ipc });
  }

  #stopIfRunning(profileId: string, datasetId: string, reason: 'paused' | 'cancelled'): Run | null {
    const run = this.#run;
    if (!run || run.profileId !== profileId || run.datasetId !== datasetId) return null;
    run.controller.abort(reason);
    return run;
  }

  #progress(profileId: string, datasetId: string): void {
    const now = this.#now();
    if (now - this.#lastProgress < (this.#o.progressEveryMs ?? 250)) return;
    this.#lastProgress = now;
    this.#announce(profileId, datasetId);
  }

  #announce(profileId: string, datasetId: string): void {
    if (this.#disposed) return;
    this.#o.emit('event:offline', offlineStatusOf(this.#o.catalog.offline, profileId, datasetId));
  }

  #existing(profileId: string, datasetId: string) {
    const row = this.#o.catalog.offline.get(profileId, datasetId);
    if (!row) throw new AppError({ code: 'not_found', message: 'This dataset is not marked available offline.' });
    return row;
  }

  #profileId(): string {
    const active = this.#o.session.active;
    if (!active) throw notConnectedError();
    return active.profile.id;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}
