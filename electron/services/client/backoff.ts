import { AppError } from '../errors';

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Delay before retry number `retryIndex` (0 = first retry): min(30 s, 1 s·2^n) × [0.75, 1.25] (§13.3). */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retryIndex);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(base * (0.75 + 0.5 * r));
}

/**
 * Retry-After in seconds: either delta-seconds or an HTTP date (RFC 9110). Falls back to the body's
 * `retry_after` that the contract's 429 carries. Null when neither says anything usable.
 */
export function parseRetryAfterSeconds(header: string | null, bodyValue: unknown, nowMs: number): number | null {
  if (header !== null && header.trim() !== '') {
    const text = header.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
    const date = Date.parse(text);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  if (typeof bodyValue === 'number' && Number.isFinite(bodyValue) && bodyValue >= 0) return bodyValue;
  return null;
}

/** The default sleep: a timer that an AbortSignal cuts short with a `cancelled` error. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const cancelledError = (): AppError =>
  new AppError({ code: 'cancelled', message: 'The request was cancelled.' });
