import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  buildFolderTree,
  normalizeFolderPath,
  visibleFolders,
} from '../../../../../renderer/screens/dataset/folderTree';

describe('buildFolderTree', () => {
  it('nests folders, adds the folders that only hold subfolders, and totals counts upwards', () => {
    const root = buildFolderTree([
      { path: '/', count: 2 },
      { path: '/day/rain', count: 3 },
      { path: '/day', count: 4 },
      { path: '/night/city/centre', count: 5 },
    ]);
    expect(root.total).toBe(14);
    expect(root.count).toBe(2);
    expect(root.children.map((c) => [c.path, c.count, c.total])).toEqual([
      ['/day', 4, 7],
      ['/night', 0, 5],
    ]);
    const night = root.children[1]!;
    expect(night.children[0]).toMatchObject({ name: 'city', path: '/night/city', count: 0, total: 5 });
    expect(night.children[0]!.children[0]).toMatchObject({ name: 'centre', path: '/night/city/centre', total: 5 });
  });

  it("treats '' and '/' as the root and merges spellings of the same folder", () => {
    const root = buildFolderTree([
      { path: '', count: 1 },
      { path: '/', count: 1 },
      { path: 'a/', count: 2 },
      { path: '/a', count: 3 },
    ]);
    expect(root.count).toBe(2);
    expect(root.children).toHaveLength(1);
    expect(root.children[0]).toMatchObject({ path: '/a', count: 5, total: 5 });
  });

  it('sorts children numerically and ignores nonsense counts', () => {
    const root = buildFolderTree([
      { path: '/dir10', count: 1 },
      { path: '/dir2', count: 1 },
      { path: '/Dir1', count: -4 },
      { path: '/dir3', count: Number.NaN },
    ]);
    expect(root.children.map((c) => c.name)).toEqual(['Dir1', 'dir2', 'dir3', 'dir10']);
    expect(root.total).toBe(2);
  });

  it('copes with a folder 1,024 characters deep', () => {
    const deep = `/${Array.from({ length: 200 }, (_, i) => `d${i}`).join('/')}`.slice(0, 1024);
    const root = buildFolderTree([{ path: deep, count: 1 }]);
    expect(root.total).toBe(1);
    let depth = 0;
    for (let node = root; node.children.length > 0; node = node.children[0]!) depth++;
    expect(depth).toBe(deep.split('/').filter(Boolean).length);
  });
});

describe('visibleFolders', () => {
  it('lists top-level folders and only the children of expanded ones', () => {
    const root = buildFolderTree([
      { path: '/a/x', count: 1 },
      { path: '/b/y', count: 1 },
    ]);
    expect(visibleFolders(root, new Set()).map((r) => r.node.path)).toEqual(['/a', '/b']);
    const rows = visibleFolders(root, new Set(['/b']));
    expect(rows.map((r) => [r.node.path, r.depth, r.hasChildren])).toEqual([
      ['/a', 1, true],
      ['/b', 1, true],
      ['/b/y', 2, false],
    ]);
  });
});

describe('folder paths', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['day', '/day'],
    ['/day/rain/', '/day/rain'],
    ['//day//rain', '/day/rain'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeFolderPath(input)).toBe(expected);
  });

  it('lists ancestors', () => {
    expect(ancestorsOf('/a/b/c')).toEqual(['/a', '/a/b']);
    expect(ancestorsOf('/a')).toEqual([]);
    expect(ancestorsOf('/')).toEqual([]);
  });
});
