import type { Clock } from '../util/clock';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until a unit frees up; set when not allowed. */
  retryAfter?: number;
}

/** Timestamps of counted requests inside the window, oldest first (head index avoids O(n) shifts). */
interface Window {
  stamps: number[];
  head: number;
}

/**
 * Sliding-window limiter per API key (contract §3). Each counted request stores its instant; the
 * window holds at most `limit` stamps, so memory per key is bounded by its rate_limit. Requests
 * answered 429 are not counted. State is in memory: a restart forgives past usage.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {}

  consume(keyId: string, limit: number): RateDecision {
    const now = this.clock();
    const window = this.windowFor(keyId, now);
    const used = window.stamps.length - window.head;
    if (used >= limit) {
      const oldest = window.stamps[window.head] ?? now;
      const reset = Math.ceil((oldest + this.windowMs) / 1000);
      const retryAfter = Math.max(1, Math.ceil(reset - now / 1000));
      return {
        allowed: false,
        retryAfter,
        headers: {
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(reset),
          'Retry-After': String(retryAfter),
        },
      };
    }
    window.stamps.push(now);
    const oldest = window.stamps[window.head]!;
    return {
      allowed: true,
      headers: {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(Math.max(0, limit - used - 1)),
        'X-RateLimit-Reset': String(Math.ceil((oldest + this.windowMs) / 1000)),
      },
    };
  }

  /** A deleted key's history goes with it. */
  forget(keyId: string): void {
    this.windows.delete(keyId);
  }

  private windowFor(keyId: string, now: number): Window {
    let window = this.windows.get(keyId);
    if (!window) {
      window = { stamps: [], head: 0 };
      this.windows.set(keyId, window);
    }
    const cutoff = now - this.windowMs;
    while (window.head < window.stamps.length && window.stamps[window.head]! <= cutoff) window.head++;
    if (window.head > 1024 && window.head * 2 > window.stamps.length) {
      window.stamps = window.stamps.slice(window.head);
      window.head = 0;
    }
    return window;
  }
}
