import { describe, expect, it } from 'vitest';
import type { RateLimitState } from '../../../../shared/ipc';
import { describeRateLimit, rateLimitLevel } from '../../../../renderer/format/rateLimit';

const now = 1_700_000_000_000;
const state = (remaining: number, limit = 5000, resetInMs = 12 * 60_000): RateLimitState => ({
  limit,
  remaining,
  resetAt: now + resetInMs,
  observedAt: now,
});

describe('rate limit display', () => {
  it.each([
    [4999, 'ok'],
    [500, 'ok'],
    [499, 'low'],
    [1, 'low'],
    [0, 'exhausted'],
    [-3, 'exhausted'],
  ] as const)('%s of 5000 left is %s', (remaining, level) => {
    expect(rateLimitLevel(state(remaining))).toBe(level);
  });

  it('says how many are left and when quota frees up', () => {
    const view = describeRateLimit(state(4982), now);
    expect(view.short).toBe('4,982 / 5,000');
    expect(view.fraction).toBeCloseTo(0.9964);
    expect(view.description).toMatch(/^4,982 of 5,000 API requests left this hour; the next one frees up in 12 min/);
  });

  it('explains an exhausted quota and never shows a negative wait', () => {
    const view = describeRateLimit(state(0, 5000, -1000), now);
    expect(view.level).toBe('exhausted');
    expect(view.fraction).toBe(0);
    expect(view.description).toBe('Hourly API quota used up: requests wait until it frees up now.');
  });

  it('survives a zero limit', () => {
    expect(describeRateLimit(state(0, 0), now).fraction).toBe(0);
  });
});
