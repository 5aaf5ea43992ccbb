import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_KEY_CHARS, API_KEY_PREFIX, KEY_PREFIX_LENGTH } from '../../shared/api/keyFormat';
import type { Log, LogLevel } from '../../shared/log';

// Re-exported for main's glue and the harness, which build the file logger from here.
export type { Log, LogLevel };

/**
 * Anything shaped like an API key is cut to its 12-char prefix before it reaches a log, so a
 * careless field (an error message quoting a header, say) still cannot leak the secret. Built from
 * the key format's pieces; any length counts, so a truncated or overlong key is cut too.
 */
const KEY_PATTERN = new RegExp(
  `(${API_KEY_PREFIX}[${API_KEY_CHARS}]{${KEY_PREFIX_LENGTH - API_KEY_PREFIX.length}})[${API_KEY_CHARS}]+`,
  'g',
);

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
