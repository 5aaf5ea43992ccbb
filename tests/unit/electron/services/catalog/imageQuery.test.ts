import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogQuery } from '../../../../../shared/ipc';
import { escapeLike, normalizeDirectory } from '../../../../../electron/services/catalog/imageQuery';
import { PROFILE, dataset, image, openTempCatalog } from './support';

let temp: Awaited<ReturnType<typeof openTempCatalog>>;
let ds: number;

// [id, filename, directory, status, annotation_count, min_confidence, updated_at]
const ROWS: [string, string, string, string, number, number | null, string][] = [
  ['a', 'Alpha.png', '/', 'new', 0, null, '2024-01-05T00:00:00Z'],
  ['b', 'beta.png', '/day', 'in_progress', 3, 0.4, '2024-01-04T00:00:00+02:00'],
  ['c', 'gamma_1.png', '/day/morning', 'complete', 5, 0.9, '2024-01-03T00:00:00Z'],
  ['d', 'delta%.png', '/daylight', 'annotate', 2, 0.1, '2024-01-02T00:00:00Z'],
  ['e', 'eps.png', '/night', 'review', 1, 0.4, '2024-01-01T00:00:00Z'],
  ['f', 'beta.png', '/night', 'mystery_status', 4, null, '2024-01-06T00:00:00Z'],
  ['g', 'gammaz.png', '/day', 'complete', 0, null, '2024-01-07T00:00:00Z'],
];

beforeAll(async () => {
  temp = await openTempCatalog();
  ds = temp.catalog.datasets.upsert(PROFILE, dataset('D'), 1);
  temp.catalog.images.upsertMany(
    ds,
    ROWS.map(([id, filename, directory_path, status, annotation_count, min_confidence, updated_at]) =>
      image(id, 'D', { filename, directory_path, status, annotation_count, min_confidence, updated_at }),
    ),
    1,
  );
  temp.catalog.annotations.put(PROFILE, 'b', [{ id: '1', name: 'car', type: 'bbox' }], '"e1"', 1);
  temp.catalog.annotations.put(
    PROFILE,
    'c',
    [
      { id: '1', name: 'road', type: 'polygon' },
      { id: '2', name: 'car', type: 'bbox' },
    ],
    '"e2"',
    1,
  );
  temp.catalog.annotations.put(PROFILE, 'e', [{ id: '1', name: 'lane', type: 'polyline' }], null, 1);
  // Another profile's document never leaks into this profile's filter.
  temp.catalog.annotations.put('other', 'a', [{ id: '1', name: 'car', type: 'bbox' }], null, 1);
});
afterAll(async () => temp.cleanup());

const ids = (query: CatalogQuery, limit = 100, offset = 0) =>
  temp.catalog.queries.page(ds, PROFILE, query, limit, offset).map((i) => i.id);

describe('catalog queries', () => {
  it.each<[string, CatalogQuery, string[]]>([
    ['everything, by filename (binary: capitals first), tie-break by id', {}, ['a', 'b', 'f', 'd', 'e', 'c', 'g']],
    ['filename descending is the exact reverse', { descending: true }, ['g', 'c', 'e', 'd', 'f', 'b', 'a']],
    ['status new', { statuses: ['new'] }, ['a']],
    ['status in_progress includes annotate and review', { statuses: ['in_progress'] }, ['b', 'd', 'e']],
    ['several statuses', { statuses: ['new', 'complete'] }, ['a', 'c', 'g']],
    ['an empty status list means all', { statuses: [] }, ['a', 'b', 'f', 'd', 'e', 'c', 'g']],
    ['folder with subfolders, not its prefix-siblings', { directory: '/day' }, ['b', 'c', 'g']],
    ['folder given with a trailing slash', { directory: '/day/' }, ['b', 'c', 'g']],
    ['a leaf folder', { directory: '/day/morning' }, ['c']],
    ['the root is the whole dataset', { directory: '/' }, ['a', 'b', 'f', 'd', 'e', 'c', 'g']],
    ['an empty folder is the whole dataset', { directory: '' }, ['a', 'b', 'f', 'd', 'e', 'c', 'g']],
    ['an unknown folder', { directory: '/nowhere' }, []],
    ['filename substring, case-insensitive', { filename: 'ALPHA' }, ['a']],
    ['"_" is a literal underscore, not any character', { filename: 'gamma_' }, ['c']],
    ['"%" is a literal percent sign', { filename: '%' }, ['d']],
    ['a backslash is literal', { filename: '\\' }, []],
    ['confidence below 0.5 (nulls never match)', { confidenceBelow: 0.5 }, ['b', 'd', 'e']],
    ['confidence below 0.4 is strict', { confidenceBelow: 0.4 }, ['d']],
    ['class present', { classNames: ['car'] }, ['b', 'c']],
    ['any of several classes', { classNames: ['lane', 'road'] }, ['e', 'c']],
    ['a class nobody has', { classNames: ['unicorn'] }, []],
    [
      'lowest confidence first, nulls last, ties by filename then id',
      { sort: 'confidence' },
      ['d', 'b', 'e', 'c', 'a', 'f', 'g'],
    ],
    [
      'highest confidence first, nulls still last',
      { sort: 'confidence', descending: true },
      ['c', 'e', 'b', 'd', 'g', 'f', 'a'],
    ],
    ['fewest annotations first', { sort: 'annotations' }, ['a', 'g', 'e', 'd', 'b', 'f', 'c']],
    ['most annotations first', { sort: 'annotations', descending: true }, ['c', 'f', 'b', 'd', 'e', 'g', 'a']],
    ['oldest update first, by instant not text (+02:00)', { sort: 'updated' }, ['e', 'd', 'c', 'b', 'a', 'f', 'g']],
    ['newest update first', { sort: 'updated', descending: true }, ['g', 'f', 'a', 'b', 'c', 'd', 'e']],
    [
      'combined: folder, status and confidence sort',
      { directory: '/day', statuses: ['in_progress', 'complete'], sort: 'confidence' },
      ['b', 'c', 'g'],
    ],
    ['combined: class and confidence below', { classNames: ['car'], confidenceBelow: 0.5 }, ['b']],
    ['combined: filename and folder', { filename: 'beta', directory: '/night' }, ['f']],
  ])('%s', (_label, query, expected) => {
    expect(ids(query)).toEqual(expected);
    expect(temp.catalog.queries.count(ds, PROFILE, query)).toBe(expected.length);
  });

  it('pages with limit and offset in the same order', () => {
    const whole = ids({ sort: 'confidence' });
    expect([
      ...ids({ sort: 'confidence' }, 3, 0),
      ...ids({ sort: 'confidence' }, 3, 3),
      ...ids({ sort: 'confidence' }, 3, 6),
    ]).toEqual(whole);
    expect(ids({}, 10, 100)).toEqual([]);
  });

  it.each<[string, CatalogQuery]>([
    ['filename', {}],
    ['filename descending', { descending: true }],
    ['confidence', { sort: 'confidence' }],
    ['confidence descending', { sort: 'confidence', descending: true }],
    ['annotations', { sort: 'annotations' }],
    ['updated descending', { sort: 'updated', descending: true }],
    ['filtered', { statuses: ['in_progress', 'complete'], sort: 'confidence' }],
  ])('position and neighbours agree with the page order (%s)', (_label, query) => {
    const order = ids(query);
    order.forEach((id, index) => {
      const at = temp.catalog.queries.position(ds, PROFILE, query, id, 2);
      expect(at.position).toBe(index);
      expect(at.total).toBe(order.length);
      expect(at.before).toEqual(order.slice(Math.max(0, index - 2), index).reverse());
      expect(at.after).toEqual(order.slice(index + 1, index + 3));
    });
  });

  it('an image outside the filter has no position but neighbours from where it would sort', () => {
    const at = temp.catalog.queries.position(ds, PROFILE, { statuses: ['complete'] }, 'd', 1);
    // filename order of complete images: c (gamma_1), g (gammaz); d (delta%) sorts before both.
    expect(at).toEqual({ position: null, total: 2, before: [], after: ['c'] });
    expect(temp.catalog.queries.position(ds, PROFILE, {}, 'unknown', 2)).toEqual({
      position: null,
      total: 7,
      before: [],
      after: [],
    });
  });

  it('lists folders with their direct counts', () => {
    expect(temp.catalog.queries.folders(ds).sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: '/', count: 1 },
      { path: '/day', count: 2 },
      { path: '/day/morning', count: 1 },
      { path: '/daylight', count: 1 },
      { path: '/night', count: 2 },
    ]);
  });

  it('escapes LIKE wildcards and normalises folders', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(normalizeDirectory(undefined)).toBeNull();
    expect(normalizeDirectory('/')).toBeNull();
    expect(normalizeDirectory('/a/b//')).toBe('/a/b');
  });
});
