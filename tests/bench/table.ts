import type { BenchResult } from './types';

const fmt = (n: number | undefined) =>
  n === undefined ? '' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

/** A plain-text table: name, unit, median, p95, baseline and the ratio to it, target, verdict, note. */
export function formatTable(results: BenchResult[]): string {
  const header = ['benchmark', 'unit', 'median', 'p95', 'baseline', 'vs base', 'target', 'ok', 'note'];
  const rows = results.map((r) => [
    r.name,
    r.unit,
    fmt(r.median),
    fmt(r.p95),
    fmt(r.baseline),
    r.baseline ? `${(r.median / r.baseline).toFixed(2)}×` : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i >= 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
