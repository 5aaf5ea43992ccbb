import type { RateLimitState } from '../../../shared/ipc/channels/library';
import { AppError } from '../errors';
import { MAX_WAIT_SECONDS } from './options';
import type { Sleep } from './options';

/** Reads an integer header; anything else (absent, negative, text) is treated as absent. */
function intHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return null;
  return Math.ceil(Number(raw));
}

/**
 * Keeps the key's quota as the server last reported it (§3) and waits before a request when the
 * quota is spent, so we don't burn a 429 we could predict. Waits over two minutes are surfaced as
 * `rate_limited` instead: a silent hour-long stall looks like a hang to the user.
 */
export class RateLimitTracker {
  private state: RateLimitState | null = null;

  constructor(
    private readonly now: () => number,
    private readonly sleep: Sleep,
    private readonly onChange?: (state: RateLimitState) => void,
  ) {}

  get current(): RateLimitState | null {
    return this.state;
  }

  observe(headers: Headers): void {
    const limit = intHeader(headers, 'x-ratelimit-limit');
    const remaining = intHeader(headers, 'x-ratelimit-remaining');
    const reset = intHeader(headers, 'x-ratelimit-reset');
    if (limit === null || remaining === null || reset === null) return;
    this.state = { limit, remaining, resetAt: reset * 1000, observedAt: this.now() };
    this.onChange?.(this.state);
  }

  /** Before an API request: if the last response said 0 remaining, wait for the reset (or refuse). */
  async waitForBudget(signal?: AbortSignal): Promise<void> {
    const state = this.state;
    if (state === null || state.remaining > 0) return;
    const waitMs = state.resetAt - this.now();
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    if (seconds > MAX_WAIT_SECONDS) throw quotaSpentError(seconds);
    await this.sleep(waitMs, signal);
  }
}

export function quotaSpentError(retryAfterSeconds: number, init?: { status?: number; requestId?: string }): AppError {
  return new AppError({
    code: 'rate_limited',
    message: `The API key's hourly request quota is used up. Try again in ${formatWait(retryAfterSeconds)}.`,
    ...(init?.status !== undefined ? { status: init.status } : {}),
    ...(init?.requestId !== undefined ? { requestId: init.requestId } : {}),
    details: { retryAfterSeconds },
  });
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
