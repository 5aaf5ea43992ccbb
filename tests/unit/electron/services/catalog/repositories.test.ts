import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../electron/services/catalog/settingsRepo';
import { refusalOf } from '../../../../../electron/services/catalog/indexer';
import { minConfidenceOf } from '../../../../../electron/services/catalog/readThrough';
import { PROFILE, dataset, image, openTempCatalog } from './support';

let temp: Awaited<ReturnType<typeof openTempCatalog>>;
beforeEach(async () => {
  temp = await openTempCatalog();
});
afterEach(async () => temp.cleanup());

describe('DatasetRepo', () => {
  it('keeps datasets per profile in the API order, and a full list drops what the server no longer has', () => {
    const { datasets, images } = temp.catalog;
    expect(datasets.replaceAll(PROFILE, [dataset('b', { name: 'B' }), dataset('a', { name: 'A' })], 1)).toBe(true);
    datasets.upsert('other-profile', dataset('a', { name: 'A elsewhere' }), 1);
    expect(datasets.list(PROFILE).map((d) => d.name)).toEqual(['A', 'B']);
    const ds = datasets.get(PROFILE, 'b')!.ds;
    images.upsertMany(ds, [image('i1', 'b')], 1);
    // The same list again changes nothing.
    expect(datasets.replaceAll(PROFILE, [dataset('a', { name: 'A' }), dataset('b', { name: 'B' })], 2)).toBe(false);
    // b is gone from the server: it and its images go.
    expect(datasets.replaceAll(PROFILE, [dataset('a', { name: 'A' })], 3)).toBe(true);
    expect(datasets.list(PROFILE).map((d) => d.id)).toEqual(['a']);
    expect(images.get(PROFILE, 'i1')).toBeNull();
    expect(datasets.list('other-profile').map((d) => d.name)).toEqual(['A elsewhere']);
  });

  it('round-trips unknown dataset fields and tracks the index status', () => {
    const { datasets } = temp.catalog;
    const ds = datasets.upsert(PROFILE, { ...dataset('a'), vendor_field: { kept: true } }, 5);
    expect(datasets.get(PROFILE, 'a')!.dataset).toMatchObject({ vendor_field: { kept: true } });
    expect(datasets.get(PROFILE, 'a')!.index).toMatchObject({ state: 'idle', indexed: 0, total: null, error: null });
    datasets.setIndex(ds, { state: 'indexing', indexed: 10, total: 20 });
    datasets.resetInterruptedIndexes();
    expect(datasets.get(PROFILE, 'a')!.index.state).toBe('idle');
    datasets.setIndex(ds, { state: 'ready', indexed: 20, indexedAt: '2024-01-01T00:00:00.000Z' });
    datasets.setIndex(ds, { state: 'indexing' });
    datasets.resetInterruptedIndexes(ds);
    expect(datasets.get(PROFILE, 'a')!.index.state).toBe('ready');
    datasets.setIndex(ds, { state: 'error', error: { code: 'network', message: 'gone' } });
    expect(datasets.get(PROFILE, 'a')!.index).toMatchObject({
      state: 'error',
      error: { code: 'network' },
      indexed: 20,
    });
  });
});

describe('ImageRepo', () => {
  it('upserts, reports changed rows, removes what an index did not see, and answers like the server', () => {
    const { datasets, images } = temp.catalog;
    const ds = datasets.upsert(PROFILE, dataset('D'), 1);
    const gen = images.nextGen(ds);
    expect(gen).toBe(1);
    images.upsertMany(ds, [image('x', 'D', { filename: 'b.png' }), image('y', 'D', { filename: 'a.png' })], 1, gen);
    expect(images.upsertMany(ds, [image('x', 'D', { filename: 'b.png' })], 2)).toEqual([]);
    expect(images.upsertMany(ds, [image('x', 'D', { filename: 'b.png', status: 'complete' })], 2)).toEqual(['x']);
    expect(images.nextGen(ds)).toBe(2);
    images.upsertMany(ds, [image('x', 'D', { filename: 'b.png', status: 'complete' })], 3, 2);
    expect(images.removeNotSeen(ds, 2)).toEqual(['y']);
    expect(images.count(ds)).toBe(1);
    expect(images.serverLikePage(ds, { status: 'complete' }, 10, 0)).toMatchObject({ total: 1, items: [{ id: 'x' }] });
    expect(images.serverLikePage(ds, { status: 'new' }, 10, 0)).toEqual({ total: 0, items: [] });
  });

  it('stores hostile but valid rows verbatim: 255-char names, 1,024-char folders, null sizes, unknown statuses', () => {
    const { datasets, images, queries } = temp.catalog;
    const ds = datasets.upsert(PROFILE, dataset('D'), 1);
    const longName = `${'n'.repeat(251)}.png`;
    const deep = `/${Array.from({ length: 512 }, () => 'd').join('/')}`.slice(0, 1024);
    const rows = [
      image('long', 'D', { filename: longName }),
      image('deep', 'D', { directory_path: deep }),
      image('nosize', 'D', { width: null, height: null }),
      image('odd', 'D', { status: 'needs_second_opinion', extra: { nested: [1, 2] } } as never),
    ];
    images.upsertMany(ds, rows, 1);
    expect(images.get(PROFILE, 'long')!.image.filename).toHaveLength(255);
    expect(images.get(PROFILE, 'deep')!.image.directory_path).toHaveLength(1024);
    expect(images.get(PROFILE, 'nosize')!.image).toMatchObject({ width: null, height: null });
    expect(images.get(PROFILE, 'odd')!.image).toMatchObject({
      status: 'needs_second_opinion',
      extra: { nested: [1, 2] },
    });
    expect(queries.page(ds, PROFILE, { directory: deep.slice(0, 501) }, 10, 0).map((i) => i.id)).toEqual(['deep']);
    // An unknown status never matches a known-status filter, and never breaks the query.
    expect(queries.count(ds, PROFILE, { statuses: ['new', 'in_progress', 'complete'] })).toBe(3);
  });

  it('patches a cached image after a write and keeps inline annotations out of the row', () => {
    const { datasets, images } = temp.catalog;
    const ds = datasets.upsert(PROFILE, dataset('D'), 1);
    images.upsertMany(ds, [image('x', 'D', { annotations: [{ id: 'a', name: 'car', type: 'bbox' }] })], 1);
    expect(images.get(PROFILE, 'x')!.image.annotations).toBeUndefined();
    expect(images.patch(PROFILE, 'x', { status: 'complete', annotation_count: 3 })).toBe('D');
    expect(images.get(PROFILE, 'x')!.image).toMatchObject({ status: 'complete', annotation_count: 3 });
    expect(images.patch(PROFILE, 'missing', { status: 'complete' })).toBeNull();
    expect(images.get('other-profile', 'x')).toBeNull();
  });

  it('refuses rows it will not store, with a reason', () => {
    expect(refusalOf(image('x', 'D'), 'D')).toBeNull();
    expect(refusalOf(image('x', 'OTHER'), 'D')).toMatch(/another dataset/);
    expect(refusalOf(image('x', 'D', { filename: 'f'.repeat(2000) }), 'D')).toMatch(/filename is too long/);
    expect(refusalOf(image('x', 'D', { directory_path: `/${'d'.repeat(5000)}` }), 'D')).toMatch(/folder path/);
    expect(refusalOf(image('x', 'D', { blob: 'z'.repeat(70_000) } as never), 'D')).toMatch(/too large/);
  });
});

describe('AnnotationRepo', () => {
  it('stores documents with their ETag and fills the class table', () => {
    const { annotations } = temp.catalog;
    const list = [
      { id: '1', name: 'car', type: 'bbox', unknown_key: 'kept' },
      { id: '2', name: 'car', type: 'bbox' },
      { id: '3', name: 'road', type: 'polygon' },
    ];
    expect(annotations.put(PROFILE, 'img', list, '"e1"', 5)).toBe(true);
    expect(annotations.put(PROFILE, 'img', list, '"e1"', 6)).toBe(false);
    expect(annotations.get(PROFILE, 'img')).toEqual({ annotations: list, etag: '"e1"', syncedMs: 6 });
    const ds = temp.catalog.datasets.upsert(PROFILE, dataset('D'), 1);
    temp.catalog.images.upsertMany(ds, [image('img', 'D')], 1);
    expect(annotations.classNames(PROFILE, ds)).toEqual(['car', 'road']);
    expect(annotations.put(PROFILE, 'img', [list[2]!], '"e2"', 7)).toBe(true);
    expect(annotations.classNames(PROFILE, ds)).toEqual(['road']);
    annotations.removeMany(PROFILE, ['img']);
    expect(annotations.get(PROFILE, 'img')).toBeNull();
    expect(annotations.classNames(PROFILE, ds)).toEqual([]);
  });

  it('a document written a moment later is there for any read, and loses to a newer write', async () => {
    const { annotations } = temp.catalog;
    const ds = temp.catalog.datasets.upsert(PROFILE, dataset('D'), 1);
    temp.catalog.images.upsertMany(ds, [image('a', 'D'), image('b', 'D'), image('c', 'D'), image('d', 'D')], 1);
    const first = [{ id: '1', name: 'car', type: 'bbox' }];
    const newer = [{ id: '1', name: 'road', type: 'bbox' }];
    const HOUR = 3_600_000;

    // Read before its moment: written first, then read.
    annotations.putSoon(PROFILE, 'a', first, '"e1"', 5, HOUR);
    expect(annotations.get(PROFILE, 'a')).toEqual({ annotations: first, etag: '"e1"', syncedMs: 5 });

    // A newer direct write wins; the waiting one is dropped, not written over it later.
    annotations.putSoon(PROFILE, 'b', first, '"e1"', 5, 20);
    annotations.put(PROFILE, 'b', newer, '"e2"', 6);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(annotations.get(PROFILE, 'b')!.etag).toBe('"e2"');

    // An image that vanished takes its waiting document with it.
    annotations.putSoon(PROFILE, 'c', first, '"e1"', 5, HOUR);
    annotations.removeMany(PROFILE, ['c']);
    annotations.flushPending();
    expect(annotations.get(PROFILE, 'c')).toBeNull();

    // A query by class sees it, and so does the next start (closing writes what waits).
    annotations.putSoon(PROFILE, 'd', newer, '"e1"', 5, HOUR);
    expect(temp.catalog.queries.count(ds, PROFILE, { classNames: ['road'] })).toBe(2);
    annotations.putSoon(PROFILE, 'a', newer, '"e3"', 7, HOUR);
    const reopened = await temp.reopen();
    expect(reopened.annotations.get(PROFILE, 'a')!.etag).toBe('"e3"');
  });

  it('counts the images of a dataset whose list is cached (what the class filter can see)', () => {
    const { annotations } = temp.catalog;
    const ds = temp.catalog.datasets.upsert(PROFILE, dataset('D'), 1);
    const other = temp.catalog.datasets.upsert(PROFILE, dataset('E'), 1);
    temp.catalog.images.upsertMany(ds, [image('a', 'D'), image('b', 'D'), image('c', 'D')], 1);
    temp.catalog.images.upsertMany(other, [image('x', 'E')], 1);
    expect(annotations.countKnown(PROFILE, ds)).toBe(0);
    annotations.put(PROFILE, 'a', [], '"e"', 1);
    annotations.put(PROFILE, 'x', [], '"e"', 1);
    annotations.put('other-profile', 'b', [], '"e"', 1);
    annotations.putSoon(PROFILE, 'c', [], '"e"', 1, 3_600_000);
    expect(annotations.countKnown(PROFILE, ds), 'a, and c still waiting to be written').toBe(2);
  });

  it('computes the lowest confidence like the server (absent counts as 1.0, none is null)', () => {
    expect(minConfidenceOf([])).toBeNull();
    expect(minConfidenceOf([{ id: 'a', name: 'c', type: 'bbox' }])).toBe(1);
    expect(
      minConfidenceOf([
        { id: 'a', name: 'c', type: 'bbox', confidence: 0.3 },
        { id: 'b', name: 'c', type: 'bbox' },
      ]),
    ).toBe(0.3);
  });
});

describe('SettingsRepo', () => {
  it('defaults, updates and persists settings and per-dataset browse state across a reopen', async () => {
    expect(temp.catalog.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.cacheLimitBytes).toBe(5 * 1024 ** 3);
    expect(temp.catalog.settings.update({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    temp.catalog.settings.update({ cacheLimitBytes: 1024 ** 3 });
    const state = { query: { statuses: ['new' as const], sort: 'confidence' as const }, view: 'list' as const };
    temp.catalog.settings.saveBrowseState('D', state);
    expect(temp.catalog.settings.browseState('other')).toBeNull();
    const reopened = await temp.reopen();
    expect(reopened.settings.get()).toEqual({ theme: 'light', cacheLimitBytes: 1024 ** 3 });
    expect(reopened.settings.browseState('D')).toEqual({
      query: { statuses: ['new'], sort: 'confidence', descending: false },
      view: 'list',
    });
    expect(reopened.blobs.limitBytes).toBe(1024 ** 3);
  });

  it('ignores stored values that no longer fit the contract', () => {
    const db = (temp.catalog as unknown as { settings: { update: (p: unknown) => unknown } }).settings;
    db.update({ theme: 'sepia', cacheLimitBytes: -5 });
    expect(temp.catalog.settings.get()).toEqual(DEFAULT_SETTINGS);
    temp.catalog.settings.saveBrowseState('D', { query: { sort: 'random' }, view: 'grid' } as never);
    expect(temp.catalog.settings.browseState('D')).toBeNull();
  });
});
