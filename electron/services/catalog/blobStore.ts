import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Log } from '../log';
import { writeFileAtomic } from '../fs/atomicFile';
import { PINNED_BY_LIST, PINNED_BY_OFFLINE, pinsJson } from './offlineRepo';
import type { ExternalPins } from './offlineRepo';

export type BlobVariant = 'full' | 'thumbnail';
export type BlobSource = 'server' | 'local';

export interface BlobKey {
  profileId: string;
  imageId: string;
  variant: BlobVariant;
}

export interface BlobMeta {
  /** SHA-256 hex of the bytes: the file name, and the ETag we give the renderer. */
  hash: string;
  /** The server's ETag, sent back as If-None-Match; null for thumbnails made here. */
  etag: string | null;
  contentType: string;
  size: number;
  source: BlobSource;
  /** For a thumbnail made here: the hash of the full image it was made from. */
  basedOn: string | null;
  usedAt: number;
}

export interface CachedBlob extends BlobMeta {
  bytes: Uint8Array;
}

interface BlobRow {
  hash: string;
  etag: string | null;
  size: number;
  content_type: string;
  source: string;
  based_on: string | null;
  last_access_ms: number;
}

const HASH = /^[0-9a-f]{64}$/;
/** Evicting goes a little below the limit, so the next few puts do not each evict again. */
const EVICT_TO = 0.9;
/** Temp files older than this are leftovers of a crash, not a write in progress. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Image bytes and thumbnails, content-addressed under `dir/ab/<sha256>` and indexed by the catalog
 * (key = profile + image + variant → hash, ETag, size, content type, last access). Files are
 * written temp-then-rename before the index names them, so a crash leaves at worst an orphan file,
 * which `sweepOrphans` removes. A missing file, or one whose bytes no longer hash to its name, is a
 * miss (the entry is dropped and the image refetched), never a crash. Least recently used entries
 * are evicted past the size limit, except pinned ones (offlineRepo.ts: datasets available offline,
 * images the outbox needs); equal content stored under two keys is one file, counted once.
 */
export class BlobStore {
  readonly #db: DatabaseSync;
  readonly #dir: string;
  readonly #log: Log;
  #limitBytes: number;
  #totalBytes: number;
  readonly #now: () => number;
  #externalPins: ExternalPins | null = null;

  constructor(options: { db: DatabaseSync; dir: string; limitBytes: number; log: Log; now?: () => number }) {
    this.#db = options.db;
    this.#dir = options.dir;
    this.#log = options.log;
    this.#limitBytes = options.limitBytes;
    this.#now = options.now ?? Date.now;
    const row = this.#db
      .prepare('SELECT coalesce(sum(size), 0) AS total FROM (SELECT max(size) AS size FROM media_blobs GROUP BY hash)')
      .get() as { total: number };
    this.#totalBytes = row.total;
  }

  get totalBytes(): number {
    return this.#totalBytes;
  }

  get limitBytes(): number {
    return this.#limitBytes;
  }

  async get(key: BlobKey): Promise<CachedBlob | null> {
    const row = this.#db
      .prepare(
        `SELECT hash, etag, size, content_type, source, based_on, last_access_ms FROM media_blobs
          WHERE profile_id = ? AND image_id = ? AND variant = ?`,
      )
      .get(key.profileId, key.imageId, key.variant) as BlobRow | undefined;
    if (!row) return null;
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(await readFile(this.#path(row.hash)));
    } catch {
      // Vanished (cleaned by hand, disk trouble): a miss.
    }
    if (bytes === null || bytes.byteLength !== row.size || sha256(bytes) !== row.hash) {
      this.#log('warn', 'A cached image file was missing or damaged; it will be fetched again', {
        imageId: key.imageId,
        variant: key.variant,
      });
      await this.#remove(key, row.hash, row.size);
      return null;
    }
    const usedAt = this.#now();
    this.#db
      .prepare('UPDATE media_blobs SET last_access_ms = ? WHERE profile_id = ? AND image_id = ? AND variant = ?')
      .run(usedAt, key.profileId, key.imageId, key.variant);
    return {
      hash: row.hash,
      etag: row.etag,
      contentType: row.content_type,
      size: row.size,
      source: row.source === 'local' ? 'local' : 'server',
      basedOn: row.based_on,
      usedAt,
      bytes,
    };
  }

  async put(
    key: BlobKey,
    bytes: Uint8Array,
    meta: Pick<BlobMeta, 'etag' | 'contentType' | 'source' | 'basedOn'>,
  ): Promise<CachedBlob> {
    const hash = sha256(bytes);
    const size = bytes.byteLength;
    if (!this.#referenced(hash)) await writeFileAtomic(this.#path(hash), bytes);
    // Checked again after the await: a concurrent put of the same bytes must not count them twice.
    const fresh = !this.#referenced(hash);
    const usedAt = this.#now();
    const replaced = this.#db
      .prepare('SELECT hash, size FROM media_blobs WHERE profile_id = ? AND image_id = ? AND variant = ?')
      .get(key.profileId, key.imageId, key.variant) as { hash: string; size: number } | undefined;
    this.#db
      .prepare(
        `INSERT INTO media_blobs (profile_id, image_id, variant, hash, etag, size, content_type, source, based_on,
                                  last_access_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, image_id, variant) DO UPDATE SET
           hash = excluded.hash, etag = excluded.etag, size = excluded.size, content_type = excluded.content_type,
           source = excluded.source, based_on = excluded.based_on, last_access_ms = excluded.last_access_ms`,
      )
      .run(
        key.profileId,
        key.imageId,
        key.variant,
        hash,
        meta.etag,
        size,
        meta.contentType,
        meta.source,
        meta.basedOn,
        usedAt,
      );
    if (fresh) this.#totalBytes += size;
    if (replaced && replaced.hash !== hash) await this.#dropFileIfUnused(replaced.hash, replaced.size);
    await this.#evictBeyondLimit(key);
    return { hash, size, usedAt, bytes, ...meta };
  }

  /** Who else needs images kept (the outbox); consulted at each eviction and clear. */
  setExternalPins(pins: ExternalPins): void {
    this.#externalPins = pins;
  }

  /** catalog:clear: removes every entry not pinned; returns how many went. */
  async clearUnpinned(): Promise<number> {
    const rows = this.#db
      .prepare(
        `SELECT profile_id, image_id, variant, hash, size FROM media_blobs t
          WHERE NOT ${PINNED_BY_OFFLINE} AND NOT ${PINNED_BY_LIST}`,
      )
      .all(pinsJson(this.#externalPins)) as {
      profile_id: string;
      image_id: string;
      variant: string;
      hash: string;
      size: number;
    }[];
    for (const row of rows) {
      const variant: BlobVariant = row.variant === 'thumbnail' ? 'thumbnail' : 'full';
      await this.#remove({ profileId: row.profile_id, imageId: row.image_id, variant }, row.hash, row.size);
    }
    return rows.length;
  }

  /** A new limit (settings) takes effect at once: evict down to it. */
  async setLimit(limitBytes: number): Promise<void> {
    this.#limitBytes = limitBytes;
    await this.#evictBeyondLimit(null);
  }

  /**
   * Removes files the index does not name (a crash between write and index, a catalog rebuilt after
   * corruption) and stale temp files. Runs in the background after open.
   */
  async sweepOrphans(): Promise<number> {
    let removed = 0;
    let shards: string[];
    try {
      shards = await readdir(this.#dir);
    } catch {
      return 0;
    }
    const known = this.#db.prepare('SELECT 1 FROM media_blobs WHERE hash = ? LIMIT 1');
    for (const shard of shards) {
      let names: string[];
      try {
        names = await readdir(join(this.#dir, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(this.#dir, shard, name);
        if (HASH.test(name)) {
          if (known.get(name) !== undefined) continue;
        } else if (name.endsWith('.tmp')) {
          const info = await stat(path).catch(() => null);
          if (!info || this.#now() - info.mtimeMs < STALE_TEMP_MS) continue;
        }
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #path(hash: string): string {
    return join(this.#dir, hash.slice(0, 2), hash);
  }

  #referenced(hash: string): boolean {
    return this.#db.prepare('SELECT 1 FROM media_blobs WHERE hash = ? LIMIT 1').get(hash) !== undefined;
  }

  async #remove(key: BlobKey, hash: string, size: number): Promise<void> {
    this.#db
      .prepare('DELETE FROM media_blobs WHERE profile_id = ? AND image_id = ? AND variant = ?')
      .run(key.profileId, key.imageId, key.variant);
    await this.#dropFileIfUnused(hash, size);
  }

  async #dropFileIfUnused(hash: string, size: number): Promise<void> {
    if (this.#referenced(hash)) return;
    this.#totalBytes = Math.max(0, this.#totalBytes - size);
    await rm(this.#path(hash), { force: true });
  }

  async #evictBeyondLimit(keep: BlobKey | null): Promise<void> {
    if (this.#totalBytes <= this.#limitBytes) return;
    const target = this.#limitBytes * EVICT_TO;
    // Pinned images (a dataset available offline, an edit the outbox still holds) are never evicted.
    const oldest = this.#db.prepare(
      `SELECT profile_id, image_id, variant, hash, size FROM media_blobs t
        WHERE NOT ${PINNED_BY_OFFLINE} AND NOT ${PINNED_BY_LIST} ORDER BY last_access_ms LIMIT 64`,
    );
    const pins = pinsJson(this.#externalPins);
    let progress = true;
    while (this.#totalBytes > target && progress) {
      progress = false;
      const rows = oldest.all(pins) as {
        profile_id: string;
        image_id: string;
        variant: string;
        hash: string;
        size: number;
      }[];
      for (const row of rows) {
        const isKept =
          keep !== null &&
          row.profile_id === keep.profileId &&
          row.image_id === keep.imageId &&
          row.variant === keep.variant;
        if (isKept) continue;
        const variant: BlobVariant = row.variant === 'thumbnail' ? 'thumbnail' : 'full';
        await this.#remove({ profileId: row.profile_id, imageId: row.image_id, variant }, row.hash, row.size);
        progress = true;
        if (this.#totalBytes <= target) break;
      }
    }
  }

  /** Creates the blob folder (shards are made on first write). */
  static async prepare(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }
}
