import type { FolderCount } from '../../../shared/ipc';

/** One folder in the browser's tree. `path` is a `directory_path` ('/day/rain'); the root is '/'. */
export interface FolderNode {
  name: string;
  path: string;
  /** Images directly in this folder. */
  count: number;
  /** Images in this folder and every folder below it. */
  total: number;
  children: FolderNode[];
}

/** '/day/rain/' and 'day/rain' are the same folder; '' and '/' are the root. */
export function normalizeFolderPath(path: string): string {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  return segments.length === 0 ? '/' : `/${segments.join('/')}`;
}

/**
 * Builds the folder tree from the catalog's flat per-folder counts. Folders that hold only
 * subfolders (no images of their own) still appear, with count 0, so every level can be opened.
 * Children sort by name (numeric-aware: dir2 before dir10); duplicates after normalising add up.
 */
export function buildFolderTree(folders: readonly FolderCount[]): FolderNode {
  const root: FolderNode = { name: '', path: '/', count: 0, total: 0, children: [] };
  const byPath = new Map<string, FolderNode>([['/', root]]);

  const nodeFor = (path: string): FolderNode => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const cut = path.lastIndexOf('/');
    const parent = nodeFor(cut === 0 ? '/' : path.slice(0, cut));
    const node: FolderNode = { name: path.slice(cut + 1), path, count: 0, total: 0, children: [] };
    parent.children.push(node);
    byPath.set(path, node);
    return node;
  };

  for (const folder of folders) {
    const count = Number.isFinite(folder.count) && folder.count > 0 ? Math.floor(folder.count) : 0;
    nodeFor(normalizeFolderPath(folder.path)).count += count;
  }

  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const finish = (node: FolderNode): number => {
    node.children.sort((a, b) => collator.compare(a.name, b.name));
    node.total = node.count + node.children.reduce((sum, child) => sum + finish(child), 0);
    return node.total;
  };
  finish(root);
  return root;
}

/** The folders to list, depth-first, with the ones under a collapsed folder left out. */
export function visibleFolders(
  root: FolderNode,
  expanded: ReadonlySet<string>,
): { node: FolderNode; depth: number; hasChildren: boolean }[] {
  const rows: { node: FolderNode; depth: number; hasChildren: boolean }[] = [];
  const walk = (node: FolderNode, depth: number) => {
    for (const child of node.children) {
      rows.push({ node: child, depth, hasChildren: child.children.length > 0 });
      if (expanded.has(child.path)) walk(child, depth + 1);
    }
  };
  walk(root, 1);
  return rows;
}

/** Every ancestor of a folder ('/a/b/c' → '/a', '/a/b'), so a restored filter shows its folder. */
export function ancestorsOf(path: string): string[] {
  const segments = normalizeFolderPath(path).split('/').filter(Boolean);
  return segments.slice(0, -1).map((_, i) => `/${segments.slice(0, i + 1).join('/')}`);
}
