/** Timers the scheduler uses: the real ones in the app, a fake clock in the unit tests. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How long after the last change an autosave starts (issue 9 item 6). */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * Debounced autosave: `changed()` (re)starts the countdown, so a burst of edits is one save
 * 1.5 s after the last of them; `flush()` saves at once when something is waiting (image change,
 * Ctrl+S, window close); `cancel()` forgets it (read-only mode, the image closed after a flush).
 */
export class AutosaveScheduler {
  readonly #run: () => void;
  readonly #delay: number;
  readonly #timers: Timers;
  #handle: unknown = null;

  constructor(run: () => void, delayMs = AUTOSAVE_DELAY_MS, timers: Timers = realTimers) {
    this.#run = run;
    this.#delay = delayMs;
    this.#timers = timers;
  }

  get pending(): boolean {
    return this.#handle !== null;
  }

  changed(): void {
    if (this.#handle !== null) this.#timers.clear(this.#handle);
    this.#handle = this.#timers.set(() => {
      this.#handle = null;
      this.#run();
    }, this.#delay);
  }

  /** Runs the waiting save now; true when there was one. */
  flush(): boolean {
    if (this.#handle === null) return false;
    this.#timers.clear(this.#handle);
    this.#handle = null;
    this.#run();
    return true;
  }

  cancel(): void {
    if (this.#handle !== null) this.#timers.clear(this.#handle);
    this.#handle = null;
  }
}
