import { AppError } from '../errors';

/** The API lives under this path of the configured base (contract §1). */
export const API_ROOT = '/api/v1/developer';

const badUrl = (message: string): AppError => new AppError({ code: 'bad_url', message });

/**
 * Turns what a person typed into the canonical base: origin plus an optional path prefix, no
 * trailing slash. People paste the full API path from docs, so a trailing `/api/v1/developer`
 * (or `/api/v1`) is accepted and dropped rather than doubled.
 */
export function normalizeBaseUrl(input: string): string {
  const text = input.trim();
  if (text === '') throw badUrl('The server address is empty. Enter one such as https://api.pictograph.io.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw badUrl(`The server address "${text}" must start with http:// or https://.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl(`The server address "${text}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badUrl(`The server address must start with http:// or https:// (got ${url.protocol}//).`);
  }
  if (url.hostname === '') throw badUrl(`The server address "${text}" has no host name.`);
  if (url.username !== '' || url.password !== '') {
    throw badUrl('The server address must not contain a user name or password; the API key is entered separately.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw badUrl('The server address must not contain a query (?…) or fragment (#…).');
  }
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/api\/v1(\/developer)?$/, '');
  return `${url.origin}${path}`;
}

/** What a request target is: an API path (the key may go along) or anything else (never the key). */
export interface ResolvedTarget {
  url: URL;
  isApi: boolean;
}

/**
 * Where URLs point and whether the key may travel with them (contract §13.1). The key goes only to
 * the configured origin (scheme, host and port equal) and only under its API path, so a signed
 * URL served by the same origin (pictograph-local's `/storage/…`) never sees it either.
 */
export class BaseUrl {
  readonly base: string;
  readonly origin: string;
  private readonly prefix: string;

  constructor(input: string) {
    this.base = normalizeBaseUrl(input);
    const url = new URL(this.base);
    this.origin = url.origin;
    this.prefix = url.pathname === '/' ? '' : url.pathname;
  }

  /** `/datasets/` → the absolute URL under the API root. */
  api(path: string, query?: Record<string, string | number | boolean | undefined>): URL {
    const url = new URL(`${this.origin}${this.prefix}${API_ROOT}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  /** `/api-keys/` → the absolute URL of a route under `/api/v1/` but outside the developer root (§9). */
  v1(path: string, query?: Record<string, string | number | boolean | undefined>): URL {
    const url = new URL(`${this.origin}${this.prefix}/api/v1${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  /**
   * Resolves a URL found in a response body. `/api/v1/…` paths and absolute URLs whose path holds
   * `/api/v1/` are API URLs: their path is re-rooted on the configured origin (a hosted body may name
   * `https://api.pictograph.io/…` while we talk to a proxy or pictograph-local). Everything else is a
   * signed or foreign URL, returned as is and never given the key.
   */
  resolveBodyUrl(raw: string): ResolvedTarget {
    if (raw.startsWith('/api/v1/')) return { url: new URL(`${this.origin}${this.prefix}${raw}`), isApi: true };
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new AppError({ code: 'bad_response', message: `The server sent an unusable URL: "${raw.slice(0, 200)}".` });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AppError({
        code: 'bad_response',
        message: `The server sent a URL with an unsupported scheme (${url.protocol}).`,
      });
    }
    const at = url.pathname.indexOf('/api/v1/');
    if (at >= 0 && !url.searchParams.has('sig')) {
      const rest = url.pathname.slice(at) + url.search;
      return { url: new URL(`${this.origin}${this.prefix}${rest}`), isApi: true };
    }
    return { url, isApi: false };
  }

  /** True only for the configured origin's API path: the one place the key may be sent. */
  mayCarryKey(url: URL): boolean {
    return url.origin === this.origin && url.pathname.startsWith(`${this.prefix}/api/v1/`);
  }
}
