import type { RecentError } from '../../../shared/ipc/channels/app';
import type { Log } from '../log';
import { formatLogLine, redactSecrets } from '../log';

/** Longest message kept per entry: diagnostics are pasted into bug reports, not archives. */
const MAX_MESSAGE = 500;

/**
 * The last warnings and errors main logged, in memory, for Help → "Copy diagnostics". Entries are
 * redacted when recorded (the same rule as the log file), so nothing key-shaped is ever held here.
 */
export class RecentErrors {
  readonly #limit: number;
  readonly #entries: RecentError[] = [];

  constructor(limit = 50) {
    this.#limit = limit;
  }

  record(level: 'warn' | 'error', message: string, fields?: Record<string, unknown>, now = new Date()): void {
    // formatLogLine gives the same serialisation (and redaction) the file gets; drop its timestamp/level.
    const line = formatLogLine(level, message, fields, now);
    const text = line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
    this.#entries.push({
      at: now.toISOString(),
      level,
      message: redactSecrets(text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text),
    });
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
  }

  list(): RecentError[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }
}

/** A Log that also remembers warnings and errors in `recent`. */
export function teeRecentErrors(log: Log, recent: RecentErrors): Log {
  return (level, message, fields) => {
    if (level !== 'info') recent.record(level, message, fields);
    log(level, message, fields);
  };
}
