const grouped = new Intl.NumberFormat('en-US');

/** 12345 → "12,345"; anything not a finite number reads as an em dash rather than "NaN". */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? grouped.format(value) : '—';
}

/** "1 image" / "2,000 images". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/**
 * Completion as a 0–100 percentage, clamped: a server may briefly report more completed images than
 * images (counts updated in two steps), and a bar over 100 % looks broken.
 */
export function completionPercent(completed: number, total: number): number {
  if (!Number.isFinite(completed) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.min(100, Math.max(0, (completed / total) * 100));
}

/** The label beside a progress bar: whole percents, except that unfinished work never shows 100 %. */
export function formatPercent(percent: number): string {
  if (percent >= 100) return '100%';
  if (percent > 99) return '99%';
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${byteUnits[unit]}`;
}
