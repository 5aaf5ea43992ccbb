import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { CacheInfo } from '../../../shared/ipc';
import type { Log } from '../log';
import { AnnotationRepo } from './annotationRepo';
import { BlobStore } from './blobStore';
import { DatasetRepo } from './datasetRepo';
import { inTransaction } from '../fs/sqliteFiles';
import { openCatalogDb } from './db';
import type { RebuildInfo } from './db';
import { ImageQueries } from './imageQuery';
import { ImageRepo } from './imageRepo';
import { OfflineRepo, PINNED_BY_LIST, PINNED_BY_OFFLINE, pinsJson } from './offlineRepo';
import type { ExternalPins } from './offlineRepo';
import { SettingsRepo } from './settingsRepo';

export interface CatalogOptions {
  /** The folder holding `cache.db` and `blobs/` (userData/catalog in the app). */
  dir: string;
  log: Log;
  now?: () => Date;
}

/**
 * The local catalog (issue 8): one `cache.db` (node:sqlite, WAL, STRICT tables, numbered
 * migrations) behind typed repositories, plus the content-addressed blob store it indexes. Plain
 * synchronous SQLite: every query here is an index walk measured in milliseconds (tests/bench).
 */
export class Catalog {
  readonly datasets: DatasetRepo;
  readonly images: ImageRepo;
  readonly queries: ImageQueries;
  readonly annotations: AnnotationRepo;
  readonly settings: SettingsRepo;
  readonly offline: OfflineRepo;
  readonly blobs: BlobStore;
  /** Set when this start found the catalog unusable, set it aside and rebuilt it. */
  readonly rebuilt: RebuildInfo | null;
  readonly #db: DatabaseSync;
  readonly #file: string;
  #closed = false;
  #externalPins: ExternalPins | null = null;

  private constructor(db: DatabaseSync, file: string, blobDir: string, rebuilt: RebuildInfo | null, log: Log) {
    this.#db = db;
    this.#file = file;
    this.rebuilt = rebuilt;
    this.datasets = new DatasetRepo(db);
    this.images = new ImageRepo(db);
    this.annotations = new AnnotationRepo(db);
    // A query by class sees documents still waiting to be written (AnnotationRepo.putSoon).
    this.queries = new ImageQueries(db, () => this.annotations.flushPending());
    this.settings = new SettingsRepo(db);
    this.offline = new OfflineRepo(db);
    this.blobs = new BlobStore({ db, dir: blobDir, limitBytes: this.settings.get().cacheLimitBytes, log });
  }

  static async open(options: CatalogOptions): Promise<Catalog> {
    const file = join(options.dir, 'cache.db');
    const blobDir = join(options.dir, 'blobs');
    await BlobStore.prepare(blobDir);
    const { db, rebuilt } = openCatalogDb(file, options.log, options.now);
    const catalog = new Catalog(db, file, blobDir, rebuilt, options.log);
    catalog.datasets.resetInterruptedIndexes();
    return catalog;
  }

  async cacheInfo(): Promise<CacheInfo> {
    let catalogBytes = 0;
    for (const suffix of ['', '-wal']) {
      catalogBytes += (await stat(this.#file + suffix).catch(() => null))?.size ?? 0;
    }
    return {
      catalogBytes,
      blobBytes: this.blobs.totalBytes,
      limitBytes: this.blobs.limitBytes,
      rebuilt: this.rebuilt,
    };
  }

  /** The outbox's images (queued edits, conflicts): kept by eviction and by clear. */
  setExternalPins(pins: ExternalPins): void {
    this.#externalPins = pins;
    this.blobs.setExternalPins(pins);
  }

  /**
   * "Clear the cache": image bytes, thumbnails and annotation documents go, except those of
   * datasets available offline and of images the outbox still needs (a queued edit's base, a
   * conflict). The outbox itself lives in another file and is never touched. Dataset and image
   * metadata stay: they are small, and the browser's index is built from them.
   */
  async clear(): Promise<CacheInfo> {
    await this.blobs.clearUnpinned();
    const pins = pinsJson(this.#externalPins);
    inTransaction(this.#db, () => {
      for (const table of ['annotation_docs', 'annotation_classes'])
        this.#db
          .prepare(`DELETE FROM ${table} AS t WHERE NOT ${PINNED_BY_OFFLINE} AND NOT ${PINNED_BY_LIST}`)
          .run(pins);
    });
    return this.cacheInfo();
  }

  close(): void {
    if (this.#closed) return;
    this.annotations.flushPending();
    this.#closed = true;
    this.#db.close();
  }
}

/** The JSON-indexed media cache of earlier versions: its bytes now live in the blob store. */
export async function removeLegacyMediaCache(userDataDir: string): Promise<void> {
  await rm(join(userDataDir, 'media-cache'), { recursive: true, force: true });
}
