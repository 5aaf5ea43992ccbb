import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '../../../../../shared/api';
import { generateApiKey } from '../../../../../electron/services/demo/demoLauncher';

describe('generateApiKey', () => {
  it('makes keys in the contract format (pk_live_ + 43 base64url chars), each different', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
  });
});
