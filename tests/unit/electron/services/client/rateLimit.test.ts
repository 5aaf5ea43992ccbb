import { describe, expect, it } from 'vitest';
import { RateLimitTracker } from '../../../../../electron/services/client/rateLimit';
import type { RateLimitState } from '../../../../../shared/ipc/channels/library';

function tracker(nowMs: number) {
  const slept: number[] = [];
  const seen: RateLimitState[] = [];
  const t = new RateLimitTracker(
    () => nowMs,
    async (ms) => {
      slept.push(ms);
    },
    (s) => seen.push(s),
  );
  return { t, slept, seen };
}

const headers = (limit: string, remaining: string, reset: string) =>
  new Headers({ 'x-ratelimit-limit': limit, 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': reset });

describe('RateLimitTracker', () => {
  const now = 1_700_000_000_000;

  it('records and reports the quota from headers', () => {
    const { t, seen } = tracker(now);
    t.observe(headers('5000', '4999', '1700003600'));
    expect(t.current).toEqual({ limit: 5000, remaining: 4999, resetAt: 1_700_003_600_000, observedAt: now });
    expect(seen).toHaveLength(1);
  });

  it('ignores missing or malformed headers', () => {
    const { t, seen } = tracker(now);
    t.observe(new Headers());
    t.observe(headers('5000', '-1', '1700003600'));
    t.observe(headers('lots', '5', '1700003600'));
    expect(t.current).toBeNull();
    expect(seen).toHaveLength(0);
  });

  it('does not wait while quota remains', async () => {
    const { t, slept } = tracker(now);
    t.observe(headers('10', '1', String(now / 1000 + 30)));
    await t.waitForBudget();
    expect(slept).toEqual([]);
  });

  it('waits until the reset when the quota is spent', async () => {
    const { t, slept } = tracker(now);
    t.observe(headers('10', '0', String(now / 1000 + 30)));
    await t.waitForBudget();
    expect(slept).toEqual([30_000]);
  });

  it('surfaces rate_limited instead of waiting more than two minutes', async () => {
    const { t, slept } = tracker(now);
    t.observe(headers('10', '0', String(now / 1000 + 3000)));
    await expect(t.waitForBudget()).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retryAfterSeconds: 3000 },
    });
    expect(slept).toEqual([]);
  });

  it('does not wait once the reset has passed', async () => {
    const { t, slept } = tracker(now);
    t.observe(headers('10', '0', String(now / 1000 - 1)));
    await t.waitForBudget();
    expect(slept).toEqual([]);
  });
});
