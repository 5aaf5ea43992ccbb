import { describe, expect, it } from 'vitest';
import {
  completionPercent,
  formatBytes,
  formatCount,
  formatPercent,
  pluralize,
} from '../../../../renderer/format/numbers';

describe('numbers', () => {
  it('groups counts and never prints NaN', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(pluralize(1, 'image')).toBe('1 image');
    expect(pluralize(2000, 'image')).toBe('2,000 images');
    expect(pluralize(0, 'class', 'classes')).toBe('0 classes');
  });

  it.each([
    [0, 0, 0],
    [5, 0, 0],
    [1, 4, 25],
    [7, 5, 100],
    [-3, 5, 0],
    [Number.NaN, 5, 0],
  ])('completion of %s / %s is %s %%', (done, total, expected) => {
    expect(completionPercent(done, total)).toBe(expected);
  });

  it('rounds percentages without claiming unfinished work is done', () => {
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(99.6)).toBe('99%');
    expect(formatPercent(0.2)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(42.5)).toBe('43%');
  });

  it('formats byte sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});
