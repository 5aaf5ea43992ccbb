import type { MediaRequest, MediaResponse } from './mediaTypes';
import { AppError, isAppError } from '../errors';
import type { BytesResult } from '../client';
import type { ActiveConnection, Session } from '../session/session';
import type { BlobKey, BlobStore, CachedBlob } from '../catalog/blobStore';
import { makeThumbnail } from './localThumbnail';
import { parseMediaUrl } from './mediaUrls';
import type { MediaVariant } from './mediaUrls';
import type { Log } from '../../../shared/log';

export interface MediaResolverOptions {
  appOrigin: string;
  session: Session;
  /** The catalog's content-addressed blob store. */
  cache: BlobStore;
  log?: Log;
  /**
   * After a successful check with the server, serve the cached copy without asking again for this
   * long: a scrolling grid re-requests the same thumbnails constantly, and every check is a
   * counted request against the key's hourly quota.
   */
  freshForMs?: number;
}

/** Failures where a stale cached copy is better than nothing (offline work, design §1). */
const SERVE_STALE_ON = new Set([
  'network',
  'timeout',
  'offline',
  'rate_limited',
  'server_error',
  'service_unavailable',
]);

const HTTP_STATUS_FOR: Record<string, number> = {
  not_found: 404,
  invalid_api_key: 401,
  not_connected: 401,
  forbidden: 403,
  rate_limited: 429,
  unsupported_media_type: 415,
  network: 503,
  timeout: 504,
  offline: 503,
  service_unavailable: 503,
};

/**
 * Answers the media URLs `media:url` hands out — the Electron protocol handler and the harness
 * route both call this. Full images come from the server with the key and are kept in the blob
 * cache, revalidated by ETag; thumbnails come from the server's thumbnail route, or are made here
 * from the full image when the server answers 404. Never throws: every failure is a response.
 */
export class MediaResolver {
  readonly #options: MediaResolverOptions;
  readonly #checkedAt = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<CachedBlob>>();

  constructor(options: MediaResolverOptions) {
    this.#options = options;
  }

  readonly resolve = async (request: MediaRequest): Promise<MediaResponse> => {
    try {
      const target = parseMediaUrl(this.#options.appOrigin, request.url);
      if (!target) return textResponse(404, 'Unknown media URL.');
      const active = this.#options.session.active;
      if (!active) return textResponse(401, 'Not signed in.');
      const blob = await this.#load(active, target.imageId, target.variant);
      return blobResponse(blob, headerValue(request.headers, 'if-none-match'));
    } catch (error) {
      return this.#errorResponse(error);
    }
  };

  #load(active: ActiveConnection, imageId: string, variant: MediaVariant): Promise<CachedBlob> {
    const key: BlobKey = { profileId: active.profile.id, imageId, variant };
    const id = checkKey(key);
    // Two <img> asking for one image at once share the fetch.
    let pending = this.#inFlight.get(id);
    if (!pending) {
      pending = (variant === 'full' ? this.#full(key, imageId) : this.#thumbnail(key, active, imageId)).finally(() =>
        this.#inFlight.delete(id),
      );
      this.#inFlight.set(id, pending);
    }
    return pending;
  }

  async #full(key: BlobKey, imageId: string): Promise<CachedBlob> {
    const cached = await this.#options.cache.get(key);
    if (cached && this.#isFresh(key)) return cached;
    try {
      const result = await this.#options.session.use((client) =>
        client.getImageBytes(imageId, { etag: cached?.etag ?? undefined }),
      );
      return await this.#store(key, cached, result);
    } catch (error) {
      if (cached && isAppError(error) && SERVE_STALE_ON.has(error.code)) return cached;
      throw error;
    }
  }

  async #thumbnail(key: BlobKey, active: ActiveConnection, imageId: string): Promise<CachedBlob> {
    const cached = await this.#options.cache.get(key);
    if (cached && this.#isFresh(key)) return cached;
    // Made here before: still good while the full image it came from is unchanged.
    if (cached?.source === 'local') return this.#localThumbnail(key, active, imageId, cached);
    try {
      const result = await this.#options.session.use((client) =>
        client.getThumbnail(imageId, { etag: cached?.etag ?? undefined }),
      );
      return await this.#store(key, cached, result);
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return this.#localThumbnail(key, active, imageId, null);
      if (cached && isAppError(error) && SERVE_STALE_ON.has(error.code)) return cached;
      throw error;
    }
  }

  async #localThumbnail(
    key: BlobKey,
    active: ActiveConnection,
    imageId: string,
    cached: CachedBlob | null,
  ): Promise<CachedBlob> {
    // Through #load so the full image is cached (and shared) like any other full request.
    const full = await this.#load(active, imageId, 'full');
    if (cached && cached.basedOn === full.hash) {
      this.#checkedAt.set(checkKey(key), Date.now());
      return cached;
    }
    const made = await makeThumbnail(full.bytes);
    this.#checkedAt.set(checkKey(key), Date.now());
    return this.#options.cache.put(key, made.bytes, {
      etag: null,
      contentType: made.contentType,
      source: 'local',
      basedOn: full.hash,
    });
  }

  async #store(key: BlobKey, cached: CachedBlob | null, result: BytesResult): Promise<CachedBlob> {
    this.#checkedAt.set(checkKey(key), Date.now());
    if (result.notModified) {
      if (cached) return cached;
      // We sent no ETag, so a 304 is the server's mistake, not data.
      this.#checkedAt.delete(checkKey(key));
      throw new AppError({
        code: 'bad_response',
        message: 'The server answered "not modified" for an image this app has not cached.',
      });
    }
    return this.#options.cache.put(key, result.bytes, {
      etag: result.etag ?? null,
      contentType: result.contentType,
      source: 'server',
      basedOn: null,
    });
  }

  #isFresh(key: BlobKey): boolean {
    const checkedAt = this.#checkedAt.get(checkKey(key));
    return checkedAt !== undefined && Date.now() - checkedAt < (this.#options.freshForMs ?? 60_000);
  }

  #errorResponse(error: unknown): MediaResponse {
    if (isAppError(error)) {
      const status = HTTP_STATUS_FOR[error.code] ?? 502;
      return textResponse(status, error.message);
    }
    this.#options.log?.('error', 'Media request failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    return textResponse(500, 'The image could not be loaded.');
  }
}

const checkKey = (key: BlobKey): string => `${key.profileId}/${key.variant}/${key.imageId}`;

function headerValue(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return null;
}

function blobResponse(blob: CachedBlob, ifNoneMatch: string | null): MediaResponse {
  const etag = `"${blob.hash}"`;
  const headers = { 'content-type': blob.contentType, etag, 'cache-control': 'no-cache' };
  const matches =
    ifNoneMatch !== null &&
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  if (matches) return { status: 304, headers, body: null };
  return { status: 200, headers: { ...headers, 'content-length': String(blob.bytes.byteLength) }, body: blob.bytes };
}

function textResponse(status: number, message: string): MediaResponse {
  const body = new TextEncoder().encode(message);
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.byteLength) },
    body,
  };
}
