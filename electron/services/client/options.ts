import type { RateLimitState } from '../../../shared/ipc/channels/library';
import type { Log } from '../../../shared/log';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface ClientOptions {
  /** Origin plus an optional path prefix, e.g. http://127.0.0.1:8787 or https://api.pictograph.io. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Retries after the first attempt for idempotent requests (default 3). */
  retries?: number;
  /** Whole-request limit for JSON calls (default 30 s). */
  jsonTimeoutMs?: number;
  /** Longest silence allowed while a byte transfer is running (default 30 s). */
  byteIdleTimeoutMs?: number;
  /**
   * Ceiling on a whole byte transfer (default 15 min): an idle timer alone never ends a body that
   * trickles one byte at a time, and a hung download must end in an error.
   */
  byteTotalTimeoutMs?: number;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  onRateLimit?: (state: RateLimitState) => void;
  log?: Log;
}

/** Size caps: a huge or endless body is an error, never an out-of-memory crash or a hang. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 60 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 16 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** Longer waits than this are reported to the user instead of silently stalling (§13.3). */
export const MAX_WAIT_SECONDS = 120;
