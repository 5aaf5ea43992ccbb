import { useState } from 'react';
import type { FolderCount } from '../../../shared/ipc';
import { ChevronIcon, FolderIcon } from '../../components/icons';
import { formatCount } from '../../format/numbers';
import { ancestorsOf, buildFolderTree, normalizeFolderPath, visibleFolders } from './folderTree';

/**
 * The dataset's folders as a collapsible tree; choosing one filters to it and everything below.
 * Plain buttons (in the tab order) with aria-current/aria-expanded rather than a full ARIA tree:
 * every row is reachable with Tab and activates with Enter/Space, no extra key model to learn.
 */
export function FolderPanel({
  folders,
  selected,
  onSelect,
}: {
  folders: readonly FolderCount[] | null;
  /** The query's directory ('' or undefined: the whole dataset). */
  selected: string | undefined;
  onSelect(directory: string | undefined): void;
}) {
  const current = selected ? normalizeFolderPath(selected) : '/';
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(ancestorsOf(current)));
  const tree = buildFolderTree(folders ?? []);
  // Keep the chosen folder visible even if it was restored from an earlier session.
  const open = new Set([...expanded, ...ancestorsOf(current)]);
  const rows = visibleFolders(tree, open);

  const toggle = (path: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <nav className="folders" aria-label="Folders" data-testid="browser.folders">
      <h2 className="folders__title">Folders</h2>
      {folders === null ? (
        <div className="folders__loading" aria-busy="true">
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--line" />
        </div>
      ) : (
        <ul className="folders__list">
          <li>
            <button
              type="button"
              className="folder"
              aria-current={current === '/' ? 'true' : undefined}
              onClick={() => onSelect(undefined)}
              data-testid="browser.folder"
              data-path="/"
            >
              <span className="folder__twisty" />
              <FolderIcon size={14} />
              <span className="folder__name">All images</span>
              <span className="folder__count">{formatCount(tree.total)}</span>
            </button>
          </li>
          {rows.map(({ node, depth, hasChildren }) => (
            <li key={node.path} style={{ paddingLeft: Math.min(depth, 12) * 12 }}>
              <span className="folder-row">
                {hasChildren ? (
                  <button
                    type="button"
                    className="folder__twisty btn--icon"
                    aria-expanded={open.has(node.path)}
                    aria-label={`${open.has(node.path) ? 'Collapse' : 'Expand'} ${node.name}`}
                    onClick={() => toggle(node.path)}
                  >
                    <ChevronIcon size={12} className={open.has(node.path) ? 'folder__chevron--open' : undefined} />
                  </button>
                ) : (
                  <span className="folder__twisty" />
                )}
                <button
                  type="button"
                  className="folder"
                  aria-current={current === node.path ? 'true' : undefined}
                  onClick={() => onSelect(node.path)}
                  title={node.path}
                  data-testid="browser.folder"
                  data-path={node.path}
                >
                  <FolderIcon size={14} />
                  <span className="folder__name">{node.name}</span>
                  <span className="folder__count">{formatCount(node.total)}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
