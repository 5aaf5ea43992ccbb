import { PictographClient } from '../../../electron/services/client';
import type { ClientOptions } from '../../../electron/services/client';
import type { RateLimitState } from '../../../shared/ipc/channels/library';
import type { HostileServer } from '../../support/hostile-server';

export const TEST_KEY = `pk_live_${'K'.repeat(43)}`;

/**
 * A client for one hostile scenario with short timeouts and a sleep that records instead of
 * waiting, so every test is bounded and the backoff schedule can be asserted exactly.
 */
export function hostileClient(server: HostileServer, scenario: string, extra: Partial<ClientOptions> = {}) {
  const slept: number[] = [];
  const logs: unknown[] = [];
  const rateLimits: RateLimitState[] = [];
  const client = new PictographClient({
    baseUrl: server.base(scenario),
    apiKey: TEST_KEY,
    jsonTimeoutMs: 1_500,
    byteIdleTimeoutMs: 1_500,
    byteTotalTimeoutMs: 5_000,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
    },
    log: (level, msg, fields) => logs.push({ level, msg, fields }),
    onRateLimit: (state) => rateLimits.push(state),
    ...extra,
  });
  return { client, slept, logs, rateLimits };
}

/** Runs `fn`, which must fail, and returns the error for assertions. */
export async function failureOf(fn: () => Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await fn();
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a failure, got success');
}
