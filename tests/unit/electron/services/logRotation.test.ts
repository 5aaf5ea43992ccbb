import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, rotatedLogPath } from '../../../../electron/services/log';

const KEY = `pk_live_${'A'.repeat(43)}`;

describe('log rotation (userData/logs)', () => {
  it('rotates by size and keeps only the newest N files, every line redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-rotate-'));
    const path = join(dir, 'logs', 'main.log');
    const log = createFileLogger(path, () => {}, { maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 60; i += 1)
      log('info', `line ${String(i).padStart(3, '0')}`, { key: KEY, pad: 'x'.repeat(40) });
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const file of ['main.log', 'main.1.log', 'main.2.log']) {
      const text = readFileSync(join(dir, 'logs', file), 'utf8');
      expect(Buffer.byteLength(text), file).toBeLessThanOrEqual(1_000);
      expect(text).not.toContain(KEY);
      expect(text).toContain('pk_live_AAAA…');
    }
    // Newest last: the live file ends with the last line, main.1 holds the lines just before it.
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)).toContain('line 059');
    const live = readFileSync(path, 'utf8').split('\n')[0]!;
    const older = readFileSync(rotatedLogPath(path, 1), 'utf8').trimEnd().split('\n').at(-1)!;
    expect(Number(/line (\d+)/.exec(older)![1]) + 1).toBe(Number(/line (\d+)/.exec(live)![1]));
  });

  it('counts a log left by an earlier run toward the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-rotate-'));
    const path = join(dir, 'main.log');
    writeFileSync(path, 'x'.repeat(990));
    createFileLogger(path, () => {}, { maxBytes: 1_000, keep: 1 })('info', 'a line longer than ten bytes');
    expect(readFileSync(rotatedLogPath(path, 1), 'utf8')).toBe('x'.repeat(990));
    expect(readFileSync(path, 'utf8')).toContain('a line longer');
  });

  it('never rotates a single oversized line into an endless loop, and keep 0 keeps no old file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-rotate-'));
    const path = join(dir, 'main.log');
    const log = createFileLogger(path, () => {}, { maxBytes: 10, keep: 0 });
    log('info', 'y'.repeat(100));
    log('info', 'z'.repeat(100));
    expect(readFileSync(path, 'utf8')).toContain('z'.repeat(100));
    expect(readFileSync(path, 'utf8')).not.toContain('y'.repeat(100));
    expect(existsSync(rotatedLogPath(path, 1))).toBe(false);
  });
});
