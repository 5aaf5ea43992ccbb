import { describe, expect, it } from 'vitest';
import type { ImageMeta } from '../../../../../shared/api';
import { PageCache } from '../../../../../renderer/screens/dataset/pageCache';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${from + i}` }) as ImageMeta);

describe('PageCache', () => {
  it('asks for the pages covering the visible rows, once each', () => {
    const cache = new PageCache(100);
    expect(cache.missing(0, 250)).toEqual([0, 100, 200]);
    cache.begin(0);
    cache.begin(100);
    expect(cache.missing(0, 250)).toEqual([200]);
    cache.loaded(0, rows(0, 100), 1000);
    expect(cache.get(42)?.id).toBe('i42');
    expect(cache.get(150)).toBeUndefined();
    expect(cache.missing(0, 199)).toEqual([]);
  });

  it('never asks past the total once it is known', () => {
    const cache = new PageCache(100);
    cache.loaded(0, rows(0, 100), 130);
    expect(cache.missing(0, 10_000)).toEqual([100]);
    expect(cache.missing(-5, -1)).toEqual([]);
    expect(cache.missing(500, 400)).toEqual([]);
  });

  it('lets a failed page be asked for again', () => {
    const cache = new PageCache(50);
    cache.begin(50);
    expect(cache.missing(50, 60)).toEqual([]);
    cache.failed(50);
    expect(cache.missing(50, 60)).toEqual([50]);
  });

  it('drops the least recently used page beyond its bound', () => {
    const cache = new PageCache(10, 2);
    cache.loaded(0, rows(0, 10), 100);
    cache.loaded(10, rows(10, 10), 100);
    cache.get(5); // page 0 is now the most recent
    cache.loaded(20, rows(20, 10), 100);
    expect(cache.loadedPages).toBe(2);
    expect(cache.get(5)?.id).toBe('i5');
    expect(cache.get(15)).toBeUndefined();
    expect(cache.missing(10, 19)).toEqual([10]);
  });

  it.each([0, 1001, 2.5])('refuses a page size of %s', (size) => {
    expect(() => new PageCache(size)).toThrow(RangeError);
  });
});

describe('PageCache.invalidate', () => {
  it('keeps pages readable but asks for them again, past the old total too', () => {
    const cache = new PageCache(10);
    cache.loaded(0, rows(0, 0), 0);
    expect(cache.missing(0, 5)).toEqual([]);
    cache.invalidate();
    // An index that started from nothing: the first page is asked for again.
    expect(cache.missing(0, 5)).toEqual([0]);
    cache.loaded(0, rows(0, 10), 50);
    cache.invalidate();
    expect(cache.get(3)?.id).toBe('i3');
    cache.begin(0);
    expect(cache.missing(0, 5)).toEqual([]);
    cache.loaded(0, rows(0, 10), 50);
    expect(cache.missing(0, 5)).toEqual([]);
  });
});
