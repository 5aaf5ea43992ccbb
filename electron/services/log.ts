import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/**
 * Anything shaped like an API key is cut to its 12-char prefix before it reaches a log, so a
 * careless field (an error message quoting a header, say) still cannot leak the secret.
 */
const KEY_PATTERN = /(pk_live_[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g;

export function redactSecrets(text: string): string {
  return text.replace(KEY_PATTERN, '$1…');
}

export function formatLogLine(
  level: LogLevel,
  message: string,
  fields?: Record<string, unknown>,
  now = new Date(),
): string {
  let extra = '';
  if (fields) {
    try {
      extra = ` ${JSON.stringify(fields)}`;
    } catch {
      extra = ' {"fields":"(unserialisable)"}';
    }
  }
  return redactSecrets(`${now.toISOString()} ${level.toUpperCase()} ${message}${extra}`);
}

/** Appends one line per entry; logging must never take the app down, so write errors are swallowed. */
export function createFileLogger(path: string, echo: (line: string) => void = () => {}): Log {
  let ready = false;
  return (level, message, fields) => {
    const line = formatLogLine(level, message, fields);
    echo(line);
    try {
      if (!ready) {
        mkdirSync(dirname(path), { recursive: true });
        ready = true;
      }
      appendFileSync(path, `${line}\n`);
    } catch {
      // A full disk or a read-only folder must not turn a log call into a crash.
    }
  };
}
