import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '../../shared/api/keyFormat';
import { sha256Hex } from './hash';

/** `pk_live_` + base64url of 32 random bytes without padding (contract §1). */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored; the secret is shown once. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}
