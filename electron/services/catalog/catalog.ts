import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { CacheInfo } from '../../../shared/ipc';
import type { Log } from '../log';
import { AnnotationRepo } from './annotationRepo';
import { BlobStore } from './blobStore';
import { DatasetRepo } from './datasetRepo';
import { openCatalogDb } from './db';
import type { RebuildInfo } from './db';
import { ImageQueries } from './imageQuery';
import { ImageRepo } from './imageRepo';
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
  readonly blobs: BlobStore;
  /** Set when this start found the catalog unusable, set it aside and rebuilt it. */
  readonly rebuilt: RebuildInfo | null;
  readonly #db: DatabaseSync;
  readonly #file: string;
  #closed = false;

  private constructor(db: DatabaseSync, file: string, blobDir: string, rebuilt: RebuildInfo | null, log: Log) {
    this.#db = db;
    this.#file = file;
    this.rebuilt = rebuilt;
    this.datasets = new DatasetRepo(db);
    this.images = new ImageRepo(db);
    this.queries = new ImageQueries(db);
    this.annotations = new AnnotationRepo(db);
    this.settings = new SettingsRepo(db);
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

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}

/** The JSON-indexed media cache of earlier versions: its bytes now live in the blob store. */
export async function removeLegacyMediaCache(userDataDir: string): Promise<void> {
  await rm(join(userDataDir, 'media-cache'), { recursive: true, force: true });
}
