import { AppError, isAppError } from '../errors';
import { abortableSleep, backoffDelayMs } from './backoff';
import { BaseUrl } from './baseUrl';
import { attemptOnce, describeRequest } from './attempt';
import type { AttemptDeps, HttpRequest, HttpResponse } from './attempt';
import { errorFromResponse } from './httpErrors';
import type { Log } from '../../../shared/log';
import type { ClientOptions, Sleep } from './options';
import { MAX_WAIT_SECONDS } from './options';
import { RateLimitTracker } from './rateLimit';

export type { HttpMethod, HttpRequest, HttpResponse } from './attempt';

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['timeout', 'network']);

type Outcome = { response: HttpResponse } | { failure: AppError; retryable: boolean; minDelayMs: number };

export interface SendOptions {
  /** Statuses besides 2xx the caller handles itself (304 for conditional GETs). */
  accept?: number[];
  /** Overrides the client's retry count for this request (a connection test should fail fast). */
  retries?: number;
}

/**
 * The one place requests leave the process: key placement, retries with backoff, the quota, and
 * turning every failure into an AppError that never contains the key.
 */
export class HttpTransport {
  readonly base: BaseUrl;
  readonly rateLimit: RateLimitTracker;
  private readonly deps: AttemptDeps;
  private readonly retries: number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly log: Log;
  private readonly apiKey: string;

  constructor(options: ClientOptions) {
    this.base = new BaseUrl(options.baseUrl);
    this.apiKey = options.apiKey;
    this.retries = Math.max(0, Math.floor(options.retries ?? 3));
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
    this.rateLimit = new RateLimitTracker(this.now, this.sleep, options.onRateLimit);
    this.deps = {
      base: this.base,
      apiKey: options.apiKey,
      fetch: options.fetch ?? globalThis.fetch,
      jsonTimeoutMs: options.jsonTimeoutMs ?? 30_000,
      byteIdleTimeoutMs: options.byteIdleTimeoutMs ?? 30_000,
      byteTotalTimeoutMs: options.byteTotalTimeoutMs ?? 15 * 60_000,
      onKeyedResponse: (headers) => this.rateLimit.observe(headers),
    };
  }

  /** Sends with retries (idempotent requests only, §13.3); resolves only with 2xx or an accepted status. */
  async send(req: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const idempotent = req.method !== 'POST' || req.headers?.['Idempotency-Key'] !== undefined;
    const what = describeRequest(req.method, req.url);
    for (let attempt = 0; ; attempt++) {
      if (req.kind === 'api') await this.scrubbed(this.rateLimit.waitForBudget(req.signal));
      const outcome = await this.tryOnce(req, what, attempt, options);
      if ('response' in outcome) return outcome.response;
      const { failure, retryable, minDelayMs } = outcome;
      if (!retryable || !idempotent || attempt >= (options.retries ?? this.retries)) throw this.scrub(failure);
      const delay = Math.max(minDelayMs, backoffDelayMs(attempt, this.random));
      this.log('warn', 'retrying request', {
        request: what,
        code: failure.code,
        status: failure.status,
        requestId: failure.requestId,
        retry: attempt + 1,
        delayMs: delay,
      });
      await this.scrubbed(this.sleep(delay, req.signal));
    }
  }

  private async tryOnce(req: HttpRequest, what: string, attempt: number, options: SendOptions): Promise<Outcome> {
    let response: HttpResponse;
    try {
      response = await attemptOnce(req, this.deps);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { failure: error, retryable: RETRYABLE_CODES.has(error.code), minDelayMs: 0 };
    }
    const { status } = response;
    if ((status >= 200 && status < 300) || options.accept?.includes(status)) return { response };
    // A retried DELETE whose earlier try got through finds nothing left: that is the success (§13.3).
    if (req.method === 'DELETE' && status === 404 && attempt > 0) return { response };
    const failure = errorFromResponse({
      what,
      status,
      headers: response.headers,
      bodyText: new TextDecoder().decode(response.body.subarray(0, 64 * 1024)),
      nowMs: this.now(),
    });
    if (status !== 429) return { failure, retryable: RETRYABLE_STATUSES.has(status), minDelayMs: 0 };
    // On 429 wait at least Retry-After; over two minutes we stop and tell the user (§13.3).
    const seconds = Number(failure.details?.retryAfterSeconds ?? 0);
    return { failure, retryable: seconds <= MAX_WAIT_SECONDS, minDelayMs: seconds * 1000 };
  }

  private async scrubbed<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (error) {
      throw isAppError(error) ? this.scrub(error) : error;
    }
  }

  /** A hostile or careless server could echo the key back; it must never reach a message or log. */
  private scrub(error: AppError): AppError {
    const key = this.apiKey;
    if (key.length < 8) return error;
    const detailsText = error.details === undefined ? '' : JSON.stringify(error.details);
    if (!error.message.includes(key) && !detailsText.includes(key)) return error;
    const clean = (s: string): string => s.split(key).join('[redacted]');
    return new AppError({
      code: error.code,
      message: clean(error.message),
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      ...(error.details !== undefined ? { details: JSON.parse(clean(detailsText)) as Record<string, unknown> } : {}),
    });
  }
}
