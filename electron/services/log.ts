import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
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

export interface RotationOptions {
  /** Rotate before a line would take the file past this many bytes (default 2 MiB). */
  maxBytes?: number;
  /** How many rotated files to keep beside the live one: main.1.log (newest) … main.N.log (default 4). */
  keep?: number;
}

export const DEFAULT_LOG_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 4;

/** `main.log` → `main.3.log`: the name of the n-th rotated file. */
export function rotatedLogPath(path: string, n: number): string {
  const { dir, name, ext } = parse(path);
  return join(dir, `${name}.${n}${ext}`);
}

/** Shifts main.log → main.1.log → … → main.N.log, dropping the oldest. Missing files are fine. */
function rotate(path: string, keep: number): void {
  rmSync(rotatedLogPath(path, keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(rotatedLogPath(path, n))) renameSync(rotatedLogPath(path, n), rotatedLogPath(path, n + 1));
  }
  if (keep >= 1) renameSync(path, rotatedLogPath(path, 1));
  else rmSync(path, { force: true });
}

/**
 * Appends one line per entry (redacted, see formatLogLine) and rotates by size, so userData/logs never
 * grows past about (keep + 1) × maxBytes. Logging must never take the app down, so write and rotation
 * errors are swallowed.
 */
export function createFileLogger(
  path: string,
  echo: (line: string) => void = () => {},
  { maxBytes = DEFAULT_LOG_MAX_BYTES, keep = DEFAULT_LOG_KEEP }: RotationOptions = {},
): Log {
  let size: number | null = null;
  return (level, message, fields) => {
    const line = `${formatLogLine(level, message, fields)}\n`;
    echo(line.trimEnd());
    try {
      if (size === null) {
        mkdirSync(dirname(path), { recursive: true });
        size = existsSync(path) ? statSync(path).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) {
        rotate(path, keep);
        size = 0;
      }
      appendFileSync(path, line);
      size += bytes;
    } catch {
      // A full disk or a read-only folder must not turn a log call into a crash.
    }
  };
}
