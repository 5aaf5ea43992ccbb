import type { Session } from '../session/session';

export interface ProbeTiming {
  /** First probe after going offline (default 2 s), doubled after each failure … */
  initialMs: number;
  /** … up to this (default 60 s). */
  maxMs: number;
}

export const DEFAULT_PROBE: ProbeTiming = { initialMs: 2_000, maxMs: 60_000 };

/**
 * Knowing when the network is back. Failed requests already mark the session offline; while it is
 * offline this probes with the cheapest request there is (`GET /datasets/?limit=1`, no retries),
 * backing off from `initialMs` to `maxMs`. A success goes through `session.use`, which marks the
 * session connected and emits `event:connection` — the sync engine flushes on that.
 */
export class ConnectivityProbe {
  readonly #session: Session;
  readonly #timing: ProbeTiming;
  #timer: NodeJS.Timeout | null = null;
  #delayMs: number;
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(session: Session, timing: ProbeTiming = DEFAULT_PROBE) {
    this.#session = session;
    this.#timing = timing;
    this.#delayMs = timing.initialMs;
  }

  /** Called on every connection change: probe while offline, rest otherwise. */
  update(): void {
    if (this.#stopped) return;
    const offline = this.#session.status.state === 'offline' && this.#session.active !== null;
    if (!offline) {
      this.#cancel();
      this.#delayMs = this.#timing.initialMs;
      return;
    }
    if (this.#timer === null && this.#running === null) this.#schedule();
  }

  /** The next probe's delay (for status and tests). */
  get nextDelayMs(): number {
    return this.#delayMs;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancel();
    await this.#running;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#running = this.#probe().finally(() => {
        this.#running = null;
        this.update();
      });
    }, this.#delayMs);
    this.#timer.unref();
  }

  async #probe(): Promise<void> {
    try {
      await this.#session.use((client) => client.testConnection(undefined, { retries: 0 }));
      this.#delayMs = this.#timing.initialMs;
    } catch {
      this.#delayMs = Math.min(this.#delayMs * 2, this.#timing.maxMs);
    }
  }

  #cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
