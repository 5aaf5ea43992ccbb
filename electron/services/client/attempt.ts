import { AppError, isAppError } from '../errors';
import type { BaseUrl } from './baseUrl';
import { cancelledError } from './backoff';
import { readBodyCapped } from './body';
import { streamBodyToSink } from './bodySink';
import type { BodySink } from './bodySink';
import { errorFromNetworkFailure } from './networkErrors';
import { MAX_REDIRECTS } from './options';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  /** `api` requests may carry the key (to the configured origin only); `signed` ones never do. */
  kind: 'api' | 'signed';
  headers?: Record<string, string>;
  // ArrayBuffer-backed so the same code type-checks against both Node and DOM fetch typings.
  body?: string | Uint8Array<ArrayBuffer>;
  /** `json`: one deadline for the whole exchange. `bytes`: an idle deadline reset by each chunk. */
  timing: 'json' | 'bytes';
  maxBytes: number;
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  /** A 2xx body is streamed here instead of read into memory (the response's `body` is then empty). */
  sink?: BodySink;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** Where the final response came from, after redirects. */
  url: URL;
}

export interface AttemptDeps {
  base: BaseUrl;
  apiKey: string;
  fetch: typeof fetch;
  jsonTimeoutMs: number;
  byteIdleTimeoutMs: number;
  byteTotalTimeoutMs: number;
  /** Sees the headers of every response that was sent the key (rate-limit bookkeeping). */
  onKeyedResponse: (headers: Headers) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What a request is called in messages: method and path, never the query or the key. */
export const describeRequest = (method: string, url: URL): string => `${method} ${url.pathname}`;

/**
 * One attempt: the request, its redirects (followed by hand so the key never crosses origins) and
 * the body, all under one timer. Returns whatever status came back; the caller decides what is an error.
 */
export async function attemptOnce(req: HttpRequest, deps: AttemptDeps): Promise<HttpResponse> {
  if (req.signal?.aborted) throw cancelledError();
  const timeoutMs = req.timing === 'json' ? deps.jsonTimeoutMs : deps.byteIdleTimeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
  };
  let totalTimedOut = false;
  const totalTimer =
    req.timing === 'bytes'
      ? setTimeout(() => {
          timedOut = totalTimedOut = true;
          controller.abort(new Error('timeout'));
        }, deps.byteTotalTimeoutMs)
      : undefined;
  const onUserAbort = (): void => controller.abort(new Error('cancelled'));
  req.signal?.addEventListener('abort', onUserAbort, { once: true });
  arm();

  let url = req.url;
  let method = req.method;
  let body = req.body;
  try {
    for (let hops = 0; ; hops++) {
      const headers: Record<string, string> = { ...req.headers };
      const sendKey = req.kind === 'api' && deps.base.mayCarryKey(url);
      if (sendKey) headers['X-API-Key'] = deps.apiKey;
      const response = await deps.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
      if (sendKey) deps.onKeyedResponse(response.headers);
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        if (hops >= MAX_REDIRECTS) {
          throw new AppError({
            code: 'bad_response',
            message: `${describeRequest(req.method, req.url)} was redirected more than ${MAX_REDIRECTS} times.`,
          });
        }
        url = redirectTarget(location, url);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        if (req.timing === 'bytes') arm();
        continue;
      }
      if (req.timing === 'bytes') arm();
      if (req.sink && response.status >= 200 && response.status < 300) {
        await streamBodyToSink(response, req.sink, {
          maxBytes: req.maxBytes,
          what: describeRequest(req.method, req.url),
          onChunk: (received, total) => {
            if (req.timing === 'bytes') arm();
            req.onProgress?.(received, total);
          },
        });
        return { status: response.status, headers: response.headers, body: new Uint8Array(0), url };
      }
      const bytes = await readBodyCapped(response, {
        maxBytes: req.maxBytes,
        what: describeRequest(req.method, req.url),
        onChunk: (received, total) => {
          if (req.timing === 'bytes') arm();
          req.onProgress?.(received, total);
        },
      });
      return { status: response.status, headers: response.headers, body: bytes, url };
    }
  } catch (error) {
    if (timedOut) {
      const message = totalTimedOut
        ? `${url.host} did not finish the transfer within ${seconds(deps.byteTotalTimeoutMs)}.`
        : req.timing === 'json'
          ? `${url.host} did not answer within ${seconds(timeoutMs)}.`
          : `${url.host} sent nothing for ${seconds(timeoutMs)} during the transfer.`;
      throw new AppError({ code: 'timeout', message, cause: error });
    }
    if (req.signal?.aborted) throw cancelledError();
    if (isAppError(error)) throw error;
    throw errorFromNetworkFailure(error, url);
  } finally {
    clearTimeout(timer);
    clearTimeout(totalTimer);
    req.signal?.removeEventListener('abort', onUserAbort);
  }
}

function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new AppError({ code: 'bad_response', message: `The server redirected to an unusable address.` });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new AppError({
      code: 'bad_response',
      message: `The server redirected to an unsupported scheme (${target.protocol}).`,
    });
  }
  return target;
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
