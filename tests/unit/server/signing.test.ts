import { describe, expect, it } from 'vitest';
import { UrlSigner } from '../../../server/signing';

describe('UrlSigner', () => {
  let now = 1_700_000_000_000;
  const signer = new UrlSigner(Buffer.alloc(32, 7), () => now);
  const query = (pathWithQuery: string) => new URLSearchParams(pathWithQuery.split('?')[1]);

  it('verifies its own URLs until they expire', () => {
    const { pathWithQuery, expiresAtMs } = signer.sign('GET', '/storage/images/x', 60_000);
    expect(expiresAtMs).toBe(now + 60_000);
    expect(signer.verify('GET', '/storage/images/x', query(pathWithQuery))).toBe('valid');
    now += 60_000;
    expect(signer.verify('GET', '/storage/images/x', query(pathWithQuery))).toBe('expired');
    now -= 60_000;
  });

  it('rejects another method, path, expiry or secret', () => {
    const { pathWithQuery } = signer.sign('PUT', '/storage/uploads/u', 60_000);
    const q = query(pathWithQuery);
    expect(signer.verify('GET', '/storage/uploads/u', q)).toBe('invalid');
    expect(signer.verify('PUT', '/storage/uploads/v', q)).toBe('invalid');
    const later = new URLSearchParams(q);
    later.set('expires', String(Number(q.get('expires')) + 1));
    expect(signer.verify('PUT', '/storage/uploads/u', later)).toBe('invalid');
    expect(new UrlSigner(Buffer.alloc(32, 8), () => now).verify('PUT', '/storage/uploads/u', q)).toBe('invalid');
    for (const bad of ['', 'expires=1', 'expires=x&sig=00', `expires=1&sig=${'g'.repeat(64)}`]) {
      expect(signer.verify('PUT', '/storage/uploads/u', new URLSearchParams(bad))).toBe('invalid');
    }
  });
});
