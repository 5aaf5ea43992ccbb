/**
 * The log shapes, one home for every part (types only, so any folder may import it).
 * Main logs structured entries (electron/services/log.ts formats and redacts them into a file);
 * pictograph-local logs finished lines (stdout, or a test's array).
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;
export type LineLog = (line: string) => void;
