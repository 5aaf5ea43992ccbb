import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../server/http/rateLimit';

describe('RateLimiter', () => {
  it('allows `limit` units per sliding window, then reports when the oldest unit leaves', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now, 60_000);
    const first = limiter.consume('k', 2);
    expect(first).toEqual({
      allowed: true,
      headers: { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1060' },
    });
    now += 30_000;
    expect(limiter.consume('k', 2).headers['X-RateLimit-Remaining']).toBe('0');
    now += 1_000;
    const denied = limiter.consume('k', 2);
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfter).toBe(29);
    expect(denied.headers['Retry-After']).toBe('29');
    // Denied requests are not counted: once the first unit expires exactly one more fits.
    now = 1_000_000 + 60_001;
    expect(limiter.consume('k', 2).allowed).toBe(true);
    expect(limiter.consume('k', 2).allowed).toBe(false);
  });

  it('Retry-After is at least 1 second', () => {
    let now = 5_000_999;
    const limiter = new RateLimiter(() => now, 1_000);
    limiter.consume('k', 1);
    now += 999;
    expect(limiter.consume('k', 1).retryAfter).toBe(1);
  });

  it('keeps keys apart and forgets deleted ones', () => {
    const limiter = new RateLimiter(() => 0, 1_000);
    limiter.consume('a', 1);
    expect(limiter.consume('b', 1).allowed).toBe(true);
    expect(limiter.consume('a', 1).allowed).toBe(false);
    limiter.forget('a');
    expect(limiter.consume('a', 1).allowed).toBe(true);
  });

  it('memory stays bounded by the limit over a long run', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now, 1_000);
    for (let i = 0; i < 50_000; i++) {
      now += 1;
      limiter.consume('k', 10_000);
    }
    const window = (limiter as unknown as { windows: Map<string, { stamps: number[]; head: number }> }).windows.get(
      'k',
    )!;
    expect(window.stamps.length - window.head).toBe(1_000);
    expect(window.stamps.length).toBeLessThan(5_000);
  });
});
