import type { App } from '../app';
import type { ApiKeyRow } from '../store/apiKeys';
import { API_KEY_PATTERN } from '../../shared/api/keyFormat';
import { hashApiKey } from '../util/apiKeys';
import { isoAt } from '../util/clock';
import { ApiError } from './apiError';

const lastUseWrites = new WeakMap<App, Map<string, number>>();

/**
 * Step 1 of the order of checks: the X-API-Key must be well formed, known, active and not
 * expired. `Authorization: Bearer` is deliberately ignored (contract §1).
 */
export function authenticate(app: App, header: string | string[] | undefined): ApiKeyRow {
  const invalid = new ApiError(401, 'invalid_api_key', 'A valid X-API-Key header is required.');
  if (typeof header !== 'string' || !API_KEY_PATTERN.test(header)) throw invalid;
  const key = app.store.apiKeys.findByHash(hashApiKey(header));
  if (!key || !key.is_active) throw invalid;
  if (key.expires_at !== null && Date.parse(key.expires_at) <= app.clock()) throw invalid;
  return key;
}

/** Records last_used_at, at most once a second per key so hot loops don't write on every request. */
export function recordKeyUse(app: App, key: ApiKeyRow): void {
  let writes = lastUseWrites.get(app);
  if (!writes) {
    writes = new Map();
    lastUseWrites.set(app, writes);
  }
  const now = app.clock();
  const last = writes.get(key.id);
  if (last !== undefined && now - last < 1000) return;
  writes.set(key.id, now);
  app.store.apiKeys.markUsed(key.id, isoAt(now));
}
