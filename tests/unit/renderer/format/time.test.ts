import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatRelativeTime, formatTimeUntil } from '../../../../renderer/format/time';

describe('formatDuration', () => {
  it.each([
    [0, 'now'],
    [-5, 'now'],
    [Number.NaN, 'now'],
    [0.2, '1 s'],
    [45, '45 s'],
    [60, '1 min'],
    [61, '2 min'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
  ])('%s s reads as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('counts towards a future instant and says "now" once it passed', () => {
    expect(formatTimeUntil(10_000 + 90_000, 10_000)).toBe('in 2 min');
    expect(formatTimeUntil(5_000, 10_000)).toBe('now');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2024-06-10T12:00:00.000Z');
  it.each([
    ['2024-06-10T11:59:50.000Z', 'just now'],
    ['2024-06-10T11:55:00.000Z', '5 min ago'],
    ['2024-06-10T09:00:00.000Z', '3 h ago'],
    ['2024-06-09T10:00:00.000Z', 'yesterday'],
    ['2024-06-05T12:00:00.000+02:00', '5 days ago'],
    ['not a date', 'unknown'],
  ])('%s → %s', (iso, text) => {
    expect(formatRelativeTime(iso, now)).toBe(text);
  });

  it('falls back to a date for old stamps', () => {
    expect(formatRelativeTime('2023-01-15T10:30:00.000Z', now)).toMatch(/2023/);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [7_400, '0:07'],
    [222_000, '3:42'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
