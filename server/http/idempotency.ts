import type { IdempotencyRepository } from '../store/idempotency';
import { DAY_MS, type Clock } from '../util/clock';
import { badRequest, conflict } from './apiError';
import type { Reply } from './reply';

const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

export interface RequestFingerprint {
  method: string;
  path: string;
  bodySha256: string;
}

/**
 * Idempotency-Key handling (contract §4): per API key, 24 h, replay of 2xx/4xx with
 * `Idempotency-Replayed: true`, 409 on reuse with another request or while the first runs.
 * Running keys live in memory; finished ones in SQLite so they survive a restart.
 */
export class IdempotencyGate {
  private readonly running = new Set<string>();

  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  static validateKey(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !VALID_KEY.test(header)) {
      throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters.', { header: 'Idempotency-Key' });
    }
    return header;
  }

  async run(apiKeyId: string, key: string, request: RequestFingerprint, produce: () => Promise<Reply>): Promise<Reply> {
    const slot = `${apiKeyId}\n${key}`;
    if (this.running.has(slot)) {
      throw conflict('A request with this Idempotency-Key is still being processed.', { idempotency_key: key });
    }
    const stored = this.repo.get(apiKeyId, key, this.clock() - DAY_MS);
    if (stored) {
      const same =
        stored.method === request.method && stored.path === request.path && stored.body_sha256 === request.bodySha256;
      if (!same) {
        throw conflict('This Idempotency-Key was already used with a different request.', { idempotency_key: key });
      }
      return {
        status: stored.status,
        headers: { ...stored.headers, 'Idempotency-Replayed': 'true' },
        body: stored.body,
      };
    }
    this.running.add(slot);
    try {
      const reply = await produce();
      const storable = isStorable(reply.status) && !reply.file;
      if (storable) {
        this.repo.put(apiKeyId, key, {
          method: request.method,
          path: request.path,
          body_sha256: request.bodySha256,
          status: reply.status,
          headers: reply.headers,
          body: reply.body === null ? null : Buffer.from(reply.body),
          created_ms: this.clock(),
        });
      }
      return reply;
    } finally {
      this.running.delete(slot);
    }
  }

  prune(): void {
    this.repo.prune(this.clock() - DAY_MS);
  }
}

/** Only 2xx and 4xx outcomes are final; 429 and 5xx must stay retryable. */
function isStorable(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);
}
