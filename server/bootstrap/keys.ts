import type { Role } from '../../shared/api/common';
import type { ApiKeyRow } from '../store/apiKeys';
import type { Store } from '../store';
import { API_KEY_FORMAT, generateApiKey, hashApiKey, keyPrefix } from '../util/apiKeys';
import { isoAt, type Clock } from '../util/clock';
import { newId } from '../util/ids';

function insertKey(store: Store, secret: string, name: string, role: Role, rateLimit: number, clock: Clock): void {
  const row: ApiKeyRow = {
    id: newId(),
    name,
    key_hash: hashApiKey(secret),
    key_prefix: keyPrefix(secret),
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
    if (!API_KEY_FORMAT.test(given)) throw new Error('The owner key must match ^pk_live_[A-Za-z0-9_-]{43}$');
    const existing = store.apiKeys.findByHash(hashApiKey(given));
    if (!existing) insertKey(store, given, 'Owner (configured)', 'owner', rateLimit, clock);
    else if (!existing.is_active) store.apiKeys.update(existing, { is_active: true });
    return given;
  }
  const secret = generateApiKey();
  insertKey(store, secret, 'Owner (generated at start)', 'owner', rateLimit, clock);
  return secret;
}

/** Fresh admin, member and viewer keys for this run (tests and the CLI banner use them). */
export function createSessionKeys(
  store: Store,
  rateLimit: number,
  clock: Clock,
): { admin: string; member: string; viewer: string } {
  const make = (role: Role): string => {
    const secret = generateApiKey();
    insertKey(store, secret, `Local ${role} (generated at start)`, role, rateLimit, clock);
    return secret;
  };
  return { admin: make('admin'), member: make('member'), viewer: make('viewer') };
}
