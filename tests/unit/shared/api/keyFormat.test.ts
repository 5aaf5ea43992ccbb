import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN, keyPrefixOf } from '../../../../shared/api/keyFormat';

const SECRET = 'A'.repeat(20) + '-_' + 'b'.repeat(21);

describe('API key format (contract §1)', () => {
  it('accepts pk_live_ + 43 base64url characters', () => {
    expect(API_KEY_PATTERN.test(`pk_live_${SECRET}`)).toBe(true);
  });

  it.each([
    ['another prefix', `pk_test_${SECRET}`],
    ['one character short', `pk_live_${SECRET.slice(1)}`],
    ['one character long', `pk_live_${SECRET}x`],
    ['padding', `pk_live_${SECRET.slice(1)}=`],
    ['a standard base64 character', `pk_live_${SECRET.slice(1)}+`],
    ['surrounding text', ` pk_live_${SECRET}`],
  ])('refuses %s', (_label, key) => {
    expect(API_KEY_PATTERN.test(key)).toBe(false);
  });

  it('shows only the first 12 characters', () => {
    expect(keyPrefixOf(`pk_live_${SECRET}`)).toBe('pk_live_AAAA');
  });
});
