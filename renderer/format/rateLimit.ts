import type { RateLimitState } from '../../shared/ipc';
import { formatCount } from './numbers';
import { formatClockTime, formatTimeUntil } from './time';

export type RateLimitLevel = 'ok' | 'low' | 'exhausted';

/** Under 10 % left is "low": enough warning to pause bulk work before requests start failing. */
export function rateLimitLevel(state: RateLimitState): RateLimitLevel {
  if (state.remaining <= 0) return 'exhausted';
  if (state.limit > 0 && state.remaining / state.limit < 0.1) return 'low';
  return 'ok';
}

export interface RateLimitView {
  level: RateLimitLevel;
  /** "4,982 / 5,000" */
  short: string;
  /** Fraction of the quota still available, 0–1, for the meter. */
  fraction: number;
  /** Full sentence for the tooltip and screen readers. */
  description: string;
}

/**
 * The window slides: once `resetAt` has passed the oldest request has left it, so the numbers we
 * hold are stale-low, not wrong. Say "resets now" rather than a negative time.
 */
export function describeRateLimit(state: RateLimitState, now: number): RateLimitView {
  const remaining = Math.max(0, state.remaining);
  const limit = Math.max(0, state.limit);
  const fraction = limit === 0 ? 0 : Math.min(1, remaining / limit);
  const reset =
    state.resetAt > now
      ? `frees up ${formatTimeUntil(state.resetAt, now)} (${formatClockTime(state.resetAt)})`
      : 'frees up now';
  const level = rateLimitLevel(state);
  const lead =
    level === 'exhausted'
      ? 'Hourly API quota used up: requests wait until it'
      : `${formatCount(remaining)} of ${formatCount(limit)} API requests left this hour; the next one`;
  return {
    level,
    short: `${formatCount(remaining)} / ${formatCount(limit)}`,
    fraction,
    description: `${lead} ${reset}.`,
  };
}
