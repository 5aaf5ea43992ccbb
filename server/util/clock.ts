/**
 * Every time-dependent rule (rate-limit windows, signed-URL and upload expiry, export expiry,
 * idempotency retention) reads the time through a Clock so tests can move it forward.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** Contract timestamps: ISO-8601 UTC with `Z` and milliseconds. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
