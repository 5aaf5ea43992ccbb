import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/table';

describe('bench table', () => {
  it('prints one aligned row per result with the ratio to the baseline and the verdict', () => {
    const table = formatTable([
      { name: 'images list', unit: 'ms', median: 12.345, p95: 20, baseline: 10, target: '< 50 ms', pass: true },
      { name: 'throughput', unit: 'req/s', median: 1234, p95: 1100, pass: false, note: '10 → 11 MiB' },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^benchmark\s+unit\s+median\s+p95\s+baseline\s+vs base\s+target\s+ok\s+note$/);
    expect(lines[2]).toContain('12.3');
    expect(lines[2]).toContain('1.23×');
    expect(lines[2]).toMatch(/yes$/);
    expect(lines[3]).toMatch(/NO\s+10 → 11 MiB$/);
  });
});
