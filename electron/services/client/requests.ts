import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors';
import { decodeList, decodeObject } from './decode';
import type { DecodedList } from './decode';
import { describeRequest } from './attempt';
import type { HttpTransport, SendOptions } from './http';
import { MAX_JSON_BYTES } from './options';

export type Query = Record<string, string | number | boolean | undefined>;

export type BytesResult =
  | { notModified: true; etag: string | null }
  | { notModified: false; bytes: Uint8Array; etag: string | null; contentType: string };

export interface BytesOptions {
  etag?: string | null;
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  maxBytes: number;
}

const JSON_HEADERS = { Accept: 'application/json' };

/** Typed request helpers over the transport: every answer is decoded by a schema before use. */
export class ApiRequests {
  constructor(private readonly http: HttpTransport) {}

  async getObject<S extends z.ZodType>(
    path: string,
    query: Query,
    schema: S,
    signal?: AbortSignal,
  ): Promise<{ value: z.output<S>; etag: string | null }> {
    const url = this.http.base.api(path, query);
    const res = await this.http.send({
      method: 'GET',
      url,
      kind: 'api',
      headers: JSON_HEADERS,
      timing: 'json',
      maxBytes: MAX_JSON_BYTES,
      ...opt(signal),
    });
    return { value: decodeObject(res, schema, describeRequest('GET', url)), etag: res.headers.get('etag') };
  }

  /**
   * A list at an API URL: `http.base.api(path, query)` for the developer root, `http.base.v1(…)`
   * for routes outside it such as `/api/v1/api-keys/`.
   */
  async getList<S extends z.ZodType>(
    url: URL,
    itemSchema: S,
    signal?: AbortSignal,
    send?: SendOptions,
  ): Promise<DecodedList<z.output<S>>> {
    const res = await this.http.send(
      {
        method: 'GET',
        url,
        kind: 'api',
        headers: JSON_HEADERS,
        timing: 'json',
        maxBytes: MAX_JSON_BYTES,
        ...opt(signal),
      },
      send,
    );
    return decodeList(res, itemSchema, describeRequest('GET', url));
  }

  /**
   * POST with a fresh Idempotency-Key per logical call, reused by the transport's retries (§4, §13.3),
   * so a retry after a lost response replays instead of acting twice.
   */
  async postObject<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
  ): Promise<{ value: z.output<S>; etag: string | null }> {
    const url = this.http.base.api(path);
    const res = await this.http.send({
      method: 'POST',
      url,
      kind: 'api',
      headers: {
        ...JSON_HEADERS,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
        ...options.headers,
      },
      body: JSON.stringify(body),
      timing: 'json',
      maxBytes: MAX_JSON_BYTES,
      ...opt(options.signal),
    });
    return { value: decodeObject(res, schema, describeRequest('POST', url)), etag: res.headers.get('etag') };
  }

  /** Image bytes, API or signed: conditional on `etag`, idle-timed, size-capped. */
  async getBytes(url: URL, kind: 'api' | 'signed', options: BytesOptions): Promise<BytesResult> {
    const headers: Record<string, string> = {};
    if (options.etag) headers['If-None-Match'] = options.etag;
    const res = await this.http.send(
      {
        method: 'GET',
        url,
        kind,
        headers,
        timing: 'bytes',
        maxBytes: options.maxBytes,
        ...opt(options.signal),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
      { accept: [304] },
    );
    const etag = res.headers.get('etag');
    if (res.status === 304) return { notModified: true, etag: etag ?? options.etag ?? null };
    const contentType = (res.headers.get('content-type') ?? 'application/octet-stream')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    // An HTML or JSON page where bytes belong is a proxy's login or error page, not an image.
    if (contentType.startsWith('text/') || contentType.endsWith('json')) {
      const requestId = res.headers.get('x-request-id');
      throw new AppError({
        code: 'bad_response',
        message: `The server sent ${contentType} instead of image bytes for ${describeRequest('GET', url)}.`,
        status: res.status,
        ...(requestId !== null ? { requestId } : {}),
      });
    }
    return { notModified: false, bytes: res.body, etag, contentType };
  }
}

const opt = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal ? { signal } : {});
