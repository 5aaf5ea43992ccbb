import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '../../../../shared/api/keyFormat';
import { generateApiKey, hashApiKey } from '../../../../server/util/apiKeys';

// One generator for pictograph-local's keys and the demo's owner key (electron/services/demo).
describe('generateApiKey', () => {
  it('makes keys in the contract format (pk_live_ + 43 base64url chars), each different', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
  });

  it('stores only a SHA-256 hash', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toContain(key.slice(8));
  });
});
