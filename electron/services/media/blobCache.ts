import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SerialQueue, writeFileAtomic } from '../session/atomicFile';

export type BlobSource = 'server' | 'local';

export interface BlobMeta {
  /** SHA-256 hex of the bytes: the file name, and the ETag we give the renderer. */
  hash: string;
  /** The server's ETag, sent back as If-None-Match; null for thumbnails made here. */
  etag: string | null;
  contentType: string;
  size: number;
  source: BlobSource;
  /** For a thumbnail made here: the server ETag of the full image it was made from. */
  basedOn: string | null;
  usedAt: number;
}

export interface CachedBlob extends BlobMeta {
  bytes: Uint8Array;
}

const metaSchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  etag: z.string().max(1024).nullable(),
  contentType: z.string().max(256),
  size: z.number().int().nonnegative(),
  source: z.enum(['server', 'local']),
  basedOn: z.string().max(1024).nullable(),
  usedAt: z.number(),
});
const indexSchema = z.strictObject({ version: z.literal(1), entries: z.record(z.string(), metaSchema) });

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const INDEX_WRITE_DELAY_MS = 250;

/**
 * Image bytes main fetched, on disk under `userData/media-cache/`: content-addressed blob files
 * plus `index.json` mapping a cache key to its blob, ETag and content type. Blobs are written
 * before the index names them (temp + rename), so a crash leaves at worst an orphan blob, which
 * the next start removes. An unreadable index just means refetching. Least recently used
 * entries are evicted past `maxBytes`.
 */
export class MediaBlobCache {
  readonly #dir: string;
  readonly #maxBytes: number;
  readonly #entries: Map<string, BlobMeta>;
  readonly #indexQueue = new SerialQueue();
  #indexTimer: NodeJS.Timeout | null = null;

  private constructor(dir: string, entries: Map<string, BlobMeta>, maxBytes: number) {
    this.#dir = dir;
    this.#entries = entries;
    this.#maxBytes = maxBytes;
  }

  static async open(dir: string, maxBytes = DEFAULT_MAX_BYTES): Promise<MediaBlobCache> {
    await mkdir(join(dir, 'blobs'), { recursive: true });
    const entries = await readIndex(join(dir, 'index.json'));
    const cache = new MediaBlobCache(dir, entries, maxBytes);
    await cache.#removeOrphans();
    return cache;
  }

  async get(key: string): Promise<CachedBlob | null> {
    const meta = this.#entries.get(key);
    if (!meta) return null;
    try {
      const bytes = new Uint8Array(await readFile(this.#blobPath(meta.hash)));
      meta.usedAt = Date.now();
      return { ...meta, bytes };
    } catch {
      // The blob vanished (cleaned by hand, disk trouble): forget the entry and refetch.
      this.#entries.delete(key);
      this.#scheduleIndexWrite();
      return null;
    }
  }

  async put(key: string, bytes: Uint8Array, meta: Omit<BlobMeta, 'hash' | 'size' | 'usedAt'>): Promise<CachedBlob> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    await writeFileAtomic(this.#blobPath(hash), bytes);
    const entry: BlobMeta = { ...meta, hash, size: bytes.byteLength, usedAt: Date.now() };
    const replaced = this.#entries.get(key);
    this.#entries.set(key, entry);
    if (replaced && replaced.hash !== hash) await this.#removeBlobIfUnused(replaced.hash);
    await this.#evictBeyondLimit(key);
    this.#scheduleIndexWrite();
    return { ...entry, bytes };
  }

  /** Writes any pending index change now (on dispose). */
  async flush(): Promise<void> {
    if (this.#indexTimer) clearTimeout(this.#indexTimer);
    this.#indexTimer = null;
    await this.#writeIndex();
  }

  get totalBytes(): number {
    let total = 0;
    for (const meta of this.#entries.values()) total += meta.size;
    return total;
  }

  #blobPath(hash: string): string {
    return join(this.#dir, 'blobs', hash);
  }

  async #evictBeyondLimit(keep: string): Promise<void> {
    if (this.totalBytes <= this.#maxBytes) return;
    const oldestFirst = [...this.#entries.entries()]
      .filter(([k]) => k !== keep)
      .sort((a, b) => a[1].usedAt - b[1].usedAt);
    const target = this.#maxBytes * 0.9;
    for (const [key, meta] of oldestFirst) {
      if (this.totalBytes <= target) break;
      this.#entries.delete(key);
      await this.#removeBlobIfUnused(meta.hash);
    }
  }

  async #removeBlobIfUnused(hash: string): Promise<void> {
    for (const meta of this.#entries.values()) if (meta.hash === hash) return;
    await rm(this.#blobPath(hash), { force: true });
  }

  async #removeOrphans(): Promise<void> {
    const referenced = new Set([...this.#entries.values()].map((m) => m.hash));
    for (const name of await readdir(join(this.#dir, 'blobs'))) {
      if (!referenced.has(name)) await rm(join(this.#dir, 'blobs', name), { force: true });
    }
  }

  /** Coalesces index writes: a page of 100 thumbnails rewrites the index once, not 100 times. */
  #scheduleIndexWrite(): void {
    if (this.#indexTimer) return;
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = null;
      void this.#writeIndex().catch(() => undefined);
    }, INDEX_WRITE_DELAY_MS);
    this.#indexTimer.unref();
  }

  #writeIndex(): Promise<void> {
    return this.#indexQueue.run(async () => {
      const text = JSON.stringify({ version: 1, entries: Object.fromEntries(this.#entries) });
      await writeFileAtomic(join(this.#dir, 'index.json'), text);
    });
  }
}

async function readIndex(path: string): Promise<Map<string, BlobMeta>> {
  try {
    const parsed = indexSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
  } catch {
    return new Map();
  }
}
