import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../../renderer/viewer/lru';

describe('LruCache', () => {
  it('evicts the least recently used entry past its capacity and releases it', () => {
    const released: string[] = [];
    const cache = new LruCache<string, number>(2, { onEvict: (key) => released.push(key) });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the newest
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(released).toEqual(['b']);
  });

  it('never evicts a kept entry, even when it is the oldest', () => {
    const cache = new LruCache<string, number>(2, { keep: (key) => key === 'current' });
    cache.set('current', 0);
    for (let i = 0; i < 10; i++) cache.set(`n${i}`, i);
    expect(cache.has('current')).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('releases a replaced value, and everything on clear', () => {
    const released: number[] = [];
    const cache = new LruCache<string, number>(3, { onEvict: (_key, value) => released.push(value) });
    cache.set('a', 1);
    cache.set('a', 2);
    cache.set('b', 3);
    cache.delete('missing');
    cache.clear();
    expect(released).toEqual([1, 2, 3]);
    expect(cache.size).toBe(0);
  });

  it('stays bounded over 1,000 distinct keys', () => {
    const cache = new LruCache<number, number>(6);
    for (let i = 0; i < 1000; i++) cache.set(i, i);
    expect(cache.size).toBe(6);
    expect(cache.keys()).toEqual([994, 995, 996, 997, 998, 999]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(/capacity/);
    expect(() => new LruCache(1.5)).toThrow(/capacity/);
  });
});
