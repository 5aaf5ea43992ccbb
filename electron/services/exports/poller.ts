import type { ExportRecord } from '../../../shared/api';
import { isExportFinal } from '../../../shared/api';
import type { Log } from '../../../shared/log';
import { abortableSleep } from '../client/backoff';
import { isAppError } from '../errors';

export interface PollTiming {
  /** First wait (default 2 s, §13.8). */
  initialMs?: number;
  /** Longest wait (default 10 s). */
  maxMs?: number;
  /** Growth per poll (default 1.5: 2, 3, 4.5, 6.75, 10 s…). */
  factor?: number;
  /** Give up following after this long (default 30 min); following again restarts it. */
  timeoutMs?: number;
}

export interface PollerDeps {
  get(id: string, signal: AbortSignal): Promise<ExportRecord>;
  /** Every record that differs from the last one seen (status, error, size). */
  onChange(record: ExportRecord): void;
  log: Log;
  timing?: PollTiming;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** The wait before poll `n` (0-based): 2 s growing by 1.5× to 10 s. */
export function pollDelayMs(n: number, timing: PollTiming = {}): number {
  const initial = timing.initialMs ?? 2_000;
  return Math.min(timing.maxMs ?? 10_000, initial * (timing.factor ?? 1.5) ** n);
}

const fingerprint = (r: ExportRecord): string =>
  `${r.status}\u0000${r.error_message ?? ''}\u0000${r.file_size ?? ''}\u0000${r.completed_at ?? ''}`;

/**
 * Follows pending exports until they finish (§13.8): one loop per export, backing off from 2 s to
 * 10 s, stopped by `stop(id)` (the panel closed), `dispose()` (the app quits), a final status, a
 * vanished export (404) or the timeout. Network trouble only slows it down: it keeps the longest
 * wait and tries again.
 */
export class ExportPoller {
  readonly #deps: PollerDeps;
  readonly #loops = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(deps: PollerDeps) {
    this.#deps = deps;
  }

  isFollowing(id: string): boolean {
    return this.#loops.has(id);
  }

  follow(record: ExportRecord): void {
    if (isExportFinal(record.status) || this.#loops.has(record.id)) return;
    const controller = new AbortController();
    const done = this.#loop(record, controller.signal)
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          this.#deps.log('warn', 'Export polling stopped', { id: record.id, error: String(error) });
      })
      .finally(() => this.#loops.delete(record.id));
    this.#loops.set(record.id, { controller, done });
  }

  stop(id: string): void {
    this.#loops.get(id)?.controller.abort();
  }

  async dispose(): Promise<void> {
    for (const loop of this.#loops.values()) loop.controller.abort();
    await Promise.all([...this.#loops.values()].map((loop) => loop.done));
  }

  async #loop(first: ExportRecord, signal: AbortSignal): Promise<void> {
    const sleep = this.#deps.sleep ?? abortableSleep;
    const now = this.#deps.now ?? Date.now;
    const deadline = now() + (this.#deps.timing?.timeoutMs ?? 30 * 60_000);
    let last = fingerprint(first);
    for (let n = 0; now() < deadline; n++) {
      await sleep(pollDelayMs(n, this.#deps.timing), signal);
      if (signal.aborted) return;
      let record: ExportRecord;
      try {
        record = await this.#deps.get(first.id, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (
          isAppError(error) &&
          (error.code === 'not_found' || error.code === 'invalid_api_key' || error.code === 'not_connected')
        )
          return;
        this.#deps.log('warn', 'Export poll failed; trying again', { id: first.id, error: String(error) });
        continue;
      }
      if (fingerprint(record) !== last) {
        last = fingerprint(record);
        this.#deps.onChange(record);
      }
      if (isExportFinal(record.status)) return;
    }
    this.#deps.log('info', 'Stopped following an export that did not finish in time', { id: first.id });
  }
}
