import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '../../../../server/util/slug';

describe('dataset slugs (contract §7.1)', () => {
  it.each([
    ['Street Scenes', 'street-scenes'],
    ['  --Aerial__Tiles 2024!! ', 'aerial-tiles-2024'],
    ['Ünïcødé', 'n-c-d'],
    ['!!!', 'dataset'],
    ['', 'dataset'],
  ])('%j → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('adds -2, -3 … on a clash', () => {
    expect(uniqueSlug('Street Scenes', new Set(['street-scenes', 'street-scenes-2']))).toBe('street-scenes-3');
    expect(uniqueSlug('x', new Set())).toBe('x');
  });
});
