import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine, redactSecrets } from '../../../../electron/services/log';
import { generateApiKey } from '../../../../server/util/apiKeys';
import { keyPrefixOf } from '../../../../shared/api/keyFormat';

const KEY = 'pk_live_' + 'A'.repeat(20) + '-_' + 'b'.repeat(21);

describe('log', () => {
  it('cuts anything shaped like an API key down to its 12-char prefix', () => {
    expect(redactSecrets(`key=${KEY} end`)).toBe('key=pk_live_AAAA… end');
    expect(redactSecrets('nothing here')).toBe('nothing here');
  });

  it('redacts every key the generator makes to exactly the prefix the app may show', () => {
    for (let i = 0; i < 50; i++) {
      const key = generateApiKey();
      expect(redactSecrets(`"${key}"`)).toBe(`"${keyPrefixOf(key)}…"`);
    }
  });

  it('redacts keys inside structured fields too', () => {
    const line = formatLogLine('warn', 'failed', { header: KEY, nested: { again: KEY } }, new Date(0));
    expect(line).not.toContain(KEY);
    expect(line).toContain('1970-01-01T00:00:00.000Z WARN failed');
  });

  it('writes lines to the file and survives unserialisable fields and unwritable paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const log = createFileLogger(join(dir, 'logs', 'main.log'));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    log('info', 'hello', { key: KEY });
    log('error', 'cyclic', cyclic);
    const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text).not.toContain(KEY);
    expect(text).toContain('(unserialisable)');
    // A log folder that cannot exist (its parent is a file) must not make logging throw.
    writeFileSync(join(dir, 'plain-file'), 'x');
    expect(() => createFileLogger(join(dir, 'plain-file', 'logs', 'main.log'))('info', 'x')).not.toThrow();
  });
});
