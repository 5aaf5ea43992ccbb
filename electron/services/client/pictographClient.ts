import {
  annotationListSchema,
  apiKeyRecordSchema,
  datasetSchema,
  ROLES,
  downloadListingSchema,
  imageMetaSchema,
  saveAnnotationsResultSchema,
} from '../../../shared/api';
import type {
  Annotation,
  Dataset,
  DownloadListing,
  ImageMeta,
  Role,
  SaveAnnotationsResult,
  ValidationProblem,
} from '../../../shared/api';
import type { DatasetRules } from '../../../shared/annotations/validate';
import { canonicalizeForSave, validateAnnotations } from '../../../shared/annotations/validate';
import type { ImageFilters, RateLimitState } from '../../../shared/ipc/channels/library';
import { AppError, isAppError } from '../errors';
import { ApiKeysClient } from './apiKeysClient';
import { ExportsClient } from './exportsClient';
import { HttpTransport } from './http';
import { MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES } from './options';
import type { ClientOptions } from './options';
import { clampPageSize, collectAll, paginate } from './pager';
import { ApiRequests } from './requests';
import type { BytesResult, Query } from './requests';
import { UploadsClient } from './uploadsClient';

const seg = (id: string): string => encodeURIComponent(id);

/** "Not saved: N problems …", naming the first; every problem rides along for the editor. */
export function notSavedError(problems: ValidationProblem[]): AppError {
  const first = problems[0];
  const where =
    first?.index !== undefined ? `annotation #${first.index + 1}${first.field ? `, ${first.field}` : ''}: ` : '';
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new AppError({
    code: 'validation_error',
    message: `Not saved: ${count} in the annotations (${where}${first?.message ?? 'invalid'}).`,
    details: { problems },
  });
}

/**
 * The main process's only network code: one instance per connected profile. Every method decodes
 * its answer with the shared/api schemas and fails with an AppError (never the key in it).
 */
export class PictographClient {
  readonly baseUrl: string;
  private readonly http: HttpTransport;
  private readonly api: ApiRequests;
  /** §8 exports, §7.2 uploads and §9 keys live in their own small classes over the same transport. */
  readonly exports: ExportsClient;
  readonly uploads: UploadsClient;
  readonly apiKeys: ApiKeysClient;

  constructor(options: ClientOptions) {
    this.http = new HttpTransport(options);
    this.api = new ApiRequests(this.http);
    this.baseUrl = this.http.base.base;
    this.exports = new ExportsClient(this.http, this.api);
    this.uploads = new UploadsClient(this.http);
    this.apiKeys = new ApiKeysClient(this.http, this.api);
  }

  get rateLimit(): RateLimitState | null {
    return this.http.rateLimit.current;
  }

  /**
   * `GET /datasets/?limit=1` (§13.10): proves the address, the key and the response shape.
   * `retries` lets an interactive caller fail faster than the default schedule.
   */
  async testConnection(signal?: AbortSignal, options: { retries?: number } = {}): Promise<void> {
    await this.api.getList(this.http.base.api('/datasets/', { limit: 1 }), datasetSchema, signal, options);
  }

  /**
   * The key's role, so the UI can say "read-only" before a save fails. The API has no "who am I":
   * an admin+ key finds itself by prefix in `GET /api/v1/api-keys/`; a lower key is refused there
   * with a 403 whose details name its `current_role`. Null when the server cannot tell (no key
   * routes, an unexpected answer) — the role is a courtesy, never a gate.
   */
  async ownRole(keyPrefix: string, signal?: AbortSignal): Promise<Role | null> {
    try {
      const pages = paginate(
        (limit, offset) =>
          this.api.getList(this.http.base.v1('/api-keys/', { limit, offset }), apiKeyRecordSchema, signal),
        {
          keyOf: (key) => key.id,
          ...(signal ? { signal } : {}),
        },
      );
      for await (const page of pages) {
        const mine = page.find((key) => key.key_prefix === keyPrefix);
        if (mine) return mine.role;
      }
      return null;
    } catch (error) {
      if (!isAppError(error) || error.code === 'network' || error.code === 'timeout' || error.code === 'cancelled')
        throw error;
      const current = error.code === 'forbidden' ? error.details?.currentRole : null;
      return ROLES.find((role) => role === current) ?? null;
    }
  }

  listDatasets(signal?: AbortSignal): Promise<Dataset[]> {
    const pages = paginate(
      (limit, offset) => this.api.getList(this.http.base.api('/datasets/', { limit, offset }), datasetSchema, signal),
      {
        keyOf: (d) => d.id,
        ...(signal ? { signal } : {}),
      },
    );
    return collectAll(pages);
  }

  async getDataset(id: string, signal?: AbortSignal): Promise<Dataset> {
    return (await this.api.getObject(`/datasets/${seg(id)}`, {}, datasetSchema, signal)).value;
  }

  /** One page; `total` from X-Total-Count, else counted by paging on (§13.9). */
  async listImages(
    q: { datasetId: string; limit: number; offset: number; filters?: ImageFilters },
    signal?: AbortSignal,
  ): Promise<{ items: ImageMeta[]; total: number }> {
    const limit = Math.min(1000, Math.max(0, Math.floor(q.limit)));
    const query = imageQuery(q.datasetId, q.filters);
    const page = await this.api.getList(
      this.http.base.api('/images/', { ...query, limit, offset: q.offset }),
      imageMetaSchema,
      signal,
    );
    if (page.total !== null) return { items: page.items, total: page.total };
    const end = q.offset + page.items.length;
    const short =
      page.pagination?.has_more === false || (page.pagination?.has_more === undefined && page.items.length < limit);
    if (short || limit === 0)
      return { items: page.items, total: limit === 0 ? await this.countImages(query, 0, signal) : end };
    return { items: page.items, total: await this.countImages(query, end, signal) };
  }

  iterateImages(
    q: { datasetId: string; filters?: ImageFilters; pageSize?: number },
    signal?: AbortSignal,
  ): AsyncIterable<ImageMeta[]> {
    const query = imageQuery(q.datasetId, q.filters);
    return paginate(
      (limit, offset) =>
        this.api.getList(this.http.base.api('/images/', { ...query, limit, offset }), imageMetaSchema, signal),
      {
        pageSize: clampPageSize(q.pageSize ?? 1000),
        keyOf: (image) => image.id,
        ...(signal ? { signal } : {}),
      },
    );
  }

  async getImageMetadata(
    id: string,
    opts: { includeAnnotations?: boolean; signal?: AbortSignal } = {},
  ): Promise<ImageMeta> {
    const query = { include_annotations: opts.includeAnnotations === true ? 'true' : 'false' };
    return (await this.api.getObject(`/images/${seg(id)}/metadata`, query, imageMetaSchema, opts.signal)).value;
  }

  /** The original bytes; a redirect to storage elsewhere is followed without the key (§13.10). */
  getImageBytes(
    id: string,
    opts: {
      etag?: string | null;
      signal?: AbortSignal;
      onProgress?: (received: number, total: number | null) => void;
    } = {},
  ): Promise<BytesResult> {
    return this.api.getBytes(this.http.base.api(`/images/${seg(id)}`), 'api', { ...opts, maxBytes: MAX_IMAGE_BYTES });
  }

  /** AppError `not_found` when the server has no thumbnail route or cannot render one (§13.9). */
  getThumbnail(id: string, opts: { etag?: string | null; signal?: AbortSignal } = {}): Promise<BytesResult> {
    return this.api.getBytes(this.http.base.api(`/images/${seg(id)}/thumbnail`), 'api', {
      ...opts,
      maxBytes: MAX_THUMBNAIL_BYTES,
    });
  }

  /**
   * Bytes behind a URL from a response body (a download listing's `image_url`, an export's
   * `download_url`). Signed URLs go without the key; API paths are re-rooted on our origin.
   */
  fetchBodyUrl(
    rawUrl: string,
    opts: {
      signal?: AbortSignal;
      onProgress?: (received: number, total: number | null) => void;
      maxBytes?: number;
    } = {},
  ): Promise<BytesResult> {
    const target = this.http.base.resolveBodyUrl(rawUrl);
    return this.api.getBytes(target.url, target.isApi ? 'api' : 'signed', {
      ...opts,
      maxBytes: opts.maxBytes ?? MAX_IMAGE_BYTES,
    });
  }

  async getAnnotations(
    imageId: string,
    signal?: AbortSignal,
  ): Promise<{ annotations: Annotation[]; etag: string | null }> {
    const { value, etag } = await this.api.getObject(`/annotations/${seg(imageId)}`, {}, annotationListSchema, signal);
    return { annotations: value.annotations, etag };
  }

  /**
   * Full overwrite (§7.4) after checking §7.3 locally — the one check a save gets in main, with the
   * dataset's classes and types when the caller knows them — so a doomed save costs no quota and the
   * problems point at annotations the same way a server 422 does.
   */
  async saveAnnotations(
    imageId: string,
    annotations: Annotation[],
    opts: { ifMatch: string | null; rules?: DatasetRules | undefined; signal?: AbortSignal },
  ): Promise<{ result: SaveAnnotationsResult; etag: string | null }> {
    const problems = validateAnnotations(annotations, opts.rules);
    if (problems.length > 0) throw notSavedError(problems);
    const headers: Record<string, string> = opts.ifMatch !== null ? { 'If-Match': opts.ifMatch } : {};
    const { value, etag } = await this.api.postObject(
      `/annotations/${seg(imageId)}`,
      { annotations: canonicalizeForSave(annotations) },
      saveAnnotationsResultSchema,
      { headers, ...(opts.signal ? { signal: opts.signal } : {}) },
    );
    return { result: value, etag };
  }

  async review(
    imageId: string,
    action: 'approve' | 'request_changes',
    note?: string,
    signal?: AbortSignal,
  ): Promise<ImageMeta> {
    const body = note === undefined ? { action } : { action, note };
    return (
      await this.api.postObject(`/images/${seg(imageId)}/review`, body, imageMetaSchema, signal ? { signal } : {})
    ).value;
  }

  async getDownloadListing(
    datasetId: string,
    q: { mode?: string; statusFilter?: string; limit?: number } = {},
    signal?: AbortSignal,
  ): Promise<DownloadListing> {
    const query: Query = { mode: q.mode, status_filter: q.statusFilter, limit: q.limit };
    return (await this.api.getObject(`/datasets/${seg(datasetId)}/download`, query, downloadListingSchema, signal))
      .value;
  }

  /** Counts the rest of a listing by paging, for servers without X-Total-Count (§13.9). */
  private async countImages(query: Query, from: number, signal?: AbortSignal): Promise<number> {
    let count = from;
    const pages = paginate(
      (limit, offset) =>
        this.api.getList(this.http.base.api('/images/', { ...query, limit, offset }), imageMetaSchema, signal),
      {
        startOffset: from,
        keyOf: (image) => image.id,
        ...(signal ? { signal } : {}),
      },
    );
    for await (const page of pages) count += page.length;
    return count;
  }
}

function imageQuery(datasetId: string, filters: ImageFilters | undefined): Query {
  return {
    dataset_id: datasetId,
    status: filters?.status,
    directory_path: filters?.directoryPath,
    filename: filters?.filename,
    min_confidence_lt: filters?.minConfidenceLt,
    include_archived: filters?.includeArchived === undefined ? undefined : String(filters.includeArchived),
  };
}
