import { describe, expect, it } from 'vitest';
import { fallbackColor, parseHexColor, resolveClassColor, withAlpha } from '../../../../renderer/viewer/colors';

describe('class colours', () => {
  it.each([
    ['#e6194b', '#e6194b'],
    ['#E6194B', '#e6194b'],
    [' #abc ', '#aabbcc'],
    ['red', null],
    ['#12345', null],
    ['', null],
    ['#gggggg', null],
    [42, null],
    [null, null],
  ])('parses %j as %j', (input, expected) => {
    expect(parseHexColor(input)).toBe(expected);
  });

  it('gives the same fallback for the same name, and different ones for different names', () => {
    expect(fallbackColor('tree')).toBe(fallbackColor('tree'));
    expect(fallbackColor('tree')).toMatch(/^#[0-9a-f]{6}$/);
    const names = ['car', 'road', 'tree', 'pool', 'sidewalk', 'lane', 'head', 'person'];
    expect(new Set(names.map(fallbackColor)).size).toBeGreaterThan(5);
  });

  it('says why a class got a fallback colour', () => {
    expect(resolveClassColor('car', { color: '#e6194b' })).toEqual({ color: '#e6194b', status: 'ok' });
    expect(resolveClassColor('car', { color: 'not a colour' })).toEqual({
      color: fallbackColor('car'),
      status: 'invalid-color',
    });
    expect(resolveClassColor('ghost', undefined)).toEqual({ color: fallbackColor('ghost'), status: 'missing-class' });
  });

  it('adds alpha to a hex colour', () => {
    expect(withAlpha('#ff8000', 0.25)).toBe('rgba(255, 128, 0, 0.25)');
  });
});
