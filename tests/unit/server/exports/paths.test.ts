import { describe, expect, it } from 'vitest';
import { compareEntryPaths, createStemAllocator, relativePath, stemOf } from '../../../../server/exports/paths';

describe('relativePath', () => {
  it.each([
    ['/', 'a.jpg', 'a.jpg'],
    ['/day', 'a.jpg', 'day/a.jpg'],
    ['/day/highway', 'x y.png', 'day/highway/x y.png'],
  ])('%s + %s → %s', (directory, filename, expected) => {
    expect(relativePath(directory, filename)).toBe(expected);
  });
});

describe('stemOf', () => {
  it.each([
    ['a.jpg', 'a'],
    ['day/a.b.jpeg', 'day/a.b'],
    ['day/noext', 'day/noext'],
    ['.hidden', '.hidden'],
    ['v1.2/noext', 'v1.2/noext'],
    ['v1.2/.hidden', 'v1.2/.hidden'],
  ])('%s → %s', (rel, expected) => {
    expect(stemOf(rel)).toBe(expected);
  });
});

describe('createStemAllocator', () => {
  it('keeps the first stem and falls back to the full rel, then ~n, on collisions', () => {
    const stemFor = createStemAllocator();
    expect(stemFor('day/a.jpg')).toBe('day/a');
    expect(stemFor('day/a.png')).toBe('day/a.png');
    expect(stemFor('day/a')).toBe('day/a~2');
    expect(stemFor('day/b.jpg')).toBe('day/b');
  });
});

describe('compareEntryPaths', () => {
  it('orders by code unit, independent of locale', () => {
    const paths = ['b.txt', 'B.txt', 'a/z.txt', 'a.txt', 'é.txt'];
    expect([...paths].sort(compareEntryPaths)).toEqual(['B.txt', 'a.txt', 'a/z.txt', 'b.txt', 'é.txt']);
  });
});
