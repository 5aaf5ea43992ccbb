import { describe, expect, it } from 'vitest';
import {
  describeMatches,
  hasFilters,
  parseConfidencePercent,
  querySignature,
  toggleStatus,
  withField,
  withoutFilters,
} from '../../../../../renderer/screens/dataset/browseQuery';

describe('browse query helpers', () => {
  it('gives equal signatures to equal queries whatever the order of lists', () => {
    expect(querySignature({ statuses: ['new', 'complete'], sort: 'filename' })).toBe(
      querySignature({ sort: 'filename', statuses: ['complete', 'new'], descending: false }),
    );
    expect(querySignature({ sort: 'confidence' })).not.toBe(querySignature({ sort: 'filename' }));
  });

  it('sets and clears fields without leaving undefined keys', () => {
    const q = withField({ sort: 'filename' }, 'filename', 'scene');
    expect(q).toEqual({ sort: 'filename', filename: 'scene' });
    expect(withField(q, 'filename', '')).toEqual({ sort: 'filename' });
    expect(Object.keys(withField(q, 'classNames', []))).toEqual(['sort', 'filename']);
  });

  it('toggles statuses and knows when anything filters', () => {
    let q = toggleStatus({ sort: 'filename' }, 'new');
    expect(q.statuses).toEqual(['new']);
    expect(hasFilters(q)).toBe(true);
    q = toggleStatus(q, 'new');
    expect(q).toEqual({ sort: 'filename' });
    expect(hasFilters(q)).toBe(false);
    expect(hasFilters({ confidenceBelow: 0.5 })).toBe(true);
    expect(withoutFilters({ sort: 'confidence', descending: true, directory: '/a', filename: 'x' })).toEqual({
      sort: 'confidence',
      descending: true,
    });
  });

  it('describes counts', () => {
    expect(describeMatches(1234, 100_000, true)).toBe('1,234 of 100,000 images');
    expect(describeMatches(100_000, 100_000, false)).toBe('100,000 images');
    expect(describeMatches(1, null, true)).toBe('1 image');
  });

  it.each<[string, number | undefined]>([
    ['50', 0.5],
    ['50%', 0.5],
    [' 12.5 ', 0.125],
    ['100', 1],
    ['', undefined],
    ['0', undefined],
    ['101', undefined],
    ['abc', undefined],
    ['-3', undefined],
  ])('parses confidence %j as %s', (text, expected) => {
    expect(parseConfidencePercent(text)).toBe(expected);
  });
});
