/**
 * Pure rules behind the connect form: what a pasted key or typed address really means. Kept out of
 * the components so they are unit-tested and so main receives clean values (it validates again).
 */

import { API_KEY_CHARS, API_KEY_PATTERN, API_KEY_PREFIX, API_KEY_SECRET_LENGTH } from '../../../shared/api/keyFormat';

// One home for the cloud address (shared/api/cloud.ts); re-exported for the connect screens.
export { CLOUD_BASE_URL } from '../../../shared/api/cloud';

const KEY_CHARACTERS = new RegExp(`^[${API_KEY_CHARS}]+$`);

/**
 * Keys get pasted from terminals, .env files and HTTP dumps: strip whitespace (including line
 * breaks inside a wrapped key), a leading header name or variable assignment, and quotes.
 */
export function normalizeApiKey(raw: string): string {
  let key = raw.replace(/\s+/g, '');
  key = key.replace(/^(x-api-key:|[A-Za-z_][A-Za-z0-9_]*=)/i, '');
  key = key.replace(/^["'`]+|["'`]+$/g, '');
  return key;
}

export type ApiKeyShape = 'empty' | 'ok' | 'missing-prefix' | 'wrong-length' | 'bad-characters';

/** A soft check: hosted deployments may issue other formats, so this warns but never blocks. */
export function apiKeyShape(key: string): ApiKeyShape {
  if (key === '') return 'empty';
  if (API_KEY_PATTERN.test(key)) return 'ok';
  if (!key.startsWith('pk_')) return 'missing-prefix';
  if (!KEY_CHARACTERS.test(key)) return 'bad-characters';
  return 'wrong-length';
}

export function apiKeyShapeHint(shape: ApiKeyShape): string | null {
  switch (shape) {
    case 'empty':
    case 'ok':
      return null;
    case 'missing-prefix':
      return `Pictograph keys start with ${API_KEY_PREFIX}. Is this the right value?`;
    case 'bad-characters':
      return 'This key contains characters Pictograph keys never have.';
    case 'wrong-length':
      return `Pictograph keys are ${API_KEY_PREFIX} plus ${API_KEY_SECRET_LENGTH} characters; this one looks truncated or too long.`;
  }
}

export type BaseUrlResult = { ok: true; url: string } | { ok: false; message: string };

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;

/**
 * Turns what people type into an origin main can use: `localhost:8787` → `http://localhost:8787`,
 * `api.example.com` → `https://api.example.com`, and a pasted API path like
 * `https://host/api/v1/developer/datasets/` → `https://host` (the client adds the base path itself).
 */
export function normalizeBaseUrl(raw: string): BaseUrlResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter the server address.' };
  if (/\s/.test(text)) return { ok: false, message: 'A server address cannot contain spaces.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const candidate = hasScheme ? text : `${loopbackHost.test(text) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: `“${text}” is not a valid address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only http:// and https:// addresses work (got ${url.protocol.replace(':', '')}).` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Put the API key in the key field, not in the address.' };
  }
  if (url.hostname === '') return { ok: false, message: 'The address has no host name.' };
  const apiPathAt = url.pathname.indexOf('/api/v1');
  const path = (apiPathAt >= 0 ? url.pathname.slice(0, apiPathAt) : url.pathname).replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** The short host shown on profile rows and in the top bar. */
export function displayHost(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return url.host + (url.pathname === '/' ? '' : url.pathname);
  } catch {
    return baseUrl;
  }
}
