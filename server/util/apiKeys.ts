import { randomBytes } from 'node:crypto';
import { sha256Hex } from './hash';

export const API_KEY_FORMAT = /^pk_live_[A-Za-z0-9_-]{43}$/;

/** `pk_live_` + base64url of 32 random bytes without padding (contract §1). */
export function generateApiKey(): string {
  return `pk_live_${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored; the secret is shown once. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}
