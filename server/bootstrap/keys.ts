import type { Role } from '../../shared/api/common';
import type { ApiKeyRow } from '../store/apiKeys';
import type { Store } from '../store';
import { API_KEY_PATTERN, keyPrefixOf } from '../../shared/api/keyFormat';
import { generateApiKey, hashApiKey } from '../util/apiKeys';
import { isoAt, type Clock } from '../util/clock';
import { newId } from '../util/ids';

function insertKey(store: Store, secret: string, name: string, role: Role, rateLimit: number, clock: Clock): void {
  const row: ApiKeyRow = {
    id: newId(),
    name,
    key_hash: hashApiKey(secret),
    key_prefix: keyPrefixOf(secret),
    role,
    rate_limit: rateLimit,
    is_active: true,
    last_used_at: null,
    created_at: isoAt(clock()),
    expires_at: null,
  };
  store.apiKeys.insert(row);
}

/**
 * Ensures an owner key (contract §11). A given secret is stored (hash only) if new and
 * re-activated if it was deactivated; without one a fresh owner key is generated on every start,
 * since only hashes are kept and an old secret cannot be shown again.
 */
export function ensureOwnerKey(store: Store, given: string | undefined, rateLimit: number, clock: Clock): string {
  if (given !== undefined) {
    if (!API_KEY_PATTERN.test(given)) throw new Error(`The owner key must match ${API_KEY_PATTERN.source}`);
    const existing = store.apiKeys.findByHash(hashApiKey(given));
    if (!existing) insertKey(store, given, 'Owner (configured)', 'owner', rateLimit, clock);
    else if (!existing.is_active) store.apiKeys.update(existing, { is_active: true });
    return given;
  }
  const secret = generateApiKey();
  insertKey(store, secret, `Owner ${GENERATED_SUFFIX}`, 'owner', rateLimit, clock);
  return secret;
}

const GENERATED_SUFFIX = '(generated at start)';
const ALL_ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];

/**
 * Revokes the keys earlier starts generated: their secrets were shown once and are gone, so
 * keeping them would only pile up live credentials (the embedded demo starts with every app launch).
 * Keys created through the API, and a configured owner key, are never touched.
 */
export function revokeGeneratedKeys(store: Store): number {
  const total = store.apiKeys.count(ALL_ROLES);
  const stale = store.apiKeys.list(ALL_ROLES, total, 0).filter((row) => row.name.endsWith(GENERATED_SUFFIX));
  for (const row of stale) store.apiKeys.delete(row.id);
  return stale.length;
}

/** Fresh admin, member and viewer keys for this run (tests and the CLI banner use them). */
export function createSessionKeys(
  store: Store,
  rateLimit: number,
  clock: Clock,
): { admin: string; member: string; viewer: string } {
  const make = (role: Role): string => {
    const secret = generateApiKey();
    insertKey(store, secret, `Local ${role} ${GENERATED_SUFFIX}`, role, rateLimit, clock);
    return secret;
  };
  return { admin: make('admin'), member: make('member'), viewer: make('viewer') };
}
