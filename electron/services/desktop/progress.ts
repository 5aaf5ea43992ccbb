import type { EventName, EventPayload } from '../../../shared/ipc';

/**
 * Taskbar (Windows, Linux Unity) and dock (macOS) progress for long jobs: offline downloads,
 * uploads and export downloads together (issue 12 item 3). Pure: events in, one number out, as
 * `BrowserWindow.setProgressBar` takes it: a fraction 0–1, INDETERMINATE while something runs whose
 * size is unknown, NO_PROGRESS (bar removed) when nothing runs.
 */
export const NO_PROGRESS = -1;
export const INDETERMINATE = 2;

interface Job {
  done: number;
  /** 0 when unknown. */
  total: number;
}

const known = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

export class ProgressAggregator {
  readonly #jobs = new Map<string, Job>();
  #last = NO_PROGRESS;

  /**
   * Takes one event; returns the new value when it changed (to 0.1 %), undefined otherwise, so the
   * glue touches the taskbar only when there is something to show.
   */
  update<E extends EventName>(name: E, payload: EventPayload<E>): number | undefined {
    if (!this.#apply(name, payload)) return undefined;
    const value = this.value();
    if (Math.abs(value - this.#last) < 0.001) return undefined;
    this.#last = value;
    return value;
  }

  value(): number {
    if (this.#jobs.size === 0) return NO_PROGRESS;
    let done = 0;
    let total = 0;
    for (const job of this.#jobs.values()) {
      if (job.total === 0) continue;
      done += Math.min(job.done, job.total);
      total += job.total;
    }
    return total === 0 ? INDETERMINATE : done / total;
  }

  /** A finished, paused or failed job no longer counts. */
  #forget(key: string): true {
    this.#jobs.delete(key);
    return true;
  }

  /** True when the event is one of ours (so the value may have changed). */
  #apply(name: EventName, payload: unknown): boolean {
    if (typeof payload !== 'object' || payload === null) return false;
    switch (name) {
      case 'event:offline': {
        const status = payload as EventPayload<'event:offline'>;
        const key = `offline:${status.datasetId}`;
        if (status.state !== 'downloading') return this.#forget(key);
        // Bytes are the honest measure; a listing without sizes falls back to images.
        const bytes = known(status.bytes.total);
        this.#jobs.set(
          key,
          bytes > 0
            ? { done: status.bytes.done, total: bytes }
            : { done: status.items.done, total: known(status.items.total) },
        );
        return true;
      }
      case 'event:upload': {
        const { batch } = payload as EventPayload<'event:upload'>;
        const key = `upload:${batch.id}`;
        const running = batch.counts.queued + batch.counts.uploading > 0;
        if (!running) return this.#forget(key);
        this.#jobs.set(key, { done: batch.bytesSent, total: known(batch.bytesTotal) });
        return true;
      }
      case 'event:export-download': {
        const download = payload as EventPayload<'event:export-download'>;
        const key = `export:${download.downloadId}`;
        if (download.state !== 'running') return this.#forget(key);
        this.#jobs.set(key, { done: download.received, total: known(download.total) });
        return true;
      }
      default:
        return false;
    }
  }
}
