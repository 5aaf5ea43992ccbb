import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent } from 'react';
import type { ImageMeta } from '../../../shared/api';
import { formatRelativeTime } from '../../format/time';
import { LIST_ROW_HEIGHT } from './gridLayout';
import { navigate } from './gridNavigation';
import { useScroller } from './useScroller';
import type { BrowseViewProps } from './ImageGrid';
import { itemDomId } from './ImageGrid';
import { lowestConfidence, statusBadge } from './imageTile';
import { Thumbnail } from './Thumbnail';
import { useElementSize } from './useElementSize';
import { useFastScroll } from './useFastScroll';

/** Column headings, shown above the rows (the rows are listbox options, one line each). */
function ListHeader() {
  return (
    <div className="list-row list-row--header" aria-hidden="true">
      <span />
      <span>Filename</span>
      <span>Folder</span>
      <span>Status</span>
      <span className="list-row__num">Labels</span>
      <span className="list-row__num" title="Lowest model confidence">
        Min conf.
      </span>
      <span>Updated</span>
    </div>
  );
}

/** The list view: the same rows as the grid, one line each with the facts reviewers sort by. */
export function ImageList(props: BrowseViewProps) {
  const { rows, count, active, onActiveChange, onScrollOffset } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scrollRef);
  const fast = useFastScroll(scrollRef);
  const version = useSyncExternalStore(rows.subscribe, rows.getVersion);
  // Minute precision is all "updated 5 min ago" needs; a stable value keeps rows memoised.
  const now = Math.floor(Date.now() / 60_000) * 60_000;

  // No React Compiler here: the virtualizer is read fresh on every render, which is what it wants.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LIST_ROW_HEIGHT,
    overscan: 6,
    initialOffset: props.initialOffset,
    // Scroll updates go through React's normal batching instead of a synchronous render per event.
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => rows.want(first, last), [rows, first, last]);

  const select = useScroller(scrollRef, onScrollOffset, onActiveChange);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Left/right mean nothing in a one-column list.
    if (event.altKey || event.ctrlKey || event.metaKey || event.key === 'ArrowLeft' || event.key === 'ArrowRight')
      return;
    const pageRows = Math.max(1, Math.floor(height / LIST_ROW_HEIGHT) - 1);
    const next = navigate(event.key, active, { count, columns: 1, pageRows });
    if (next === null) return;
    event.preventDefault();
    onActiveChange(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="browser__list">
      <ListHeader />
      <div
        ref={scrollRef}
        className="browser__scroll"
        role="listbox"
        aria-label={props.label}
        aria-activedescendant={
          active >= first && active <= last && active < count ? itemDomId('list', active) : undefined
        }
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="browser.list"
      >
        <div className="browser__sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const image = rows.row(item.index);
            // Keyed by the image, as in the grid: a row's node never becomes another image under a click.
            return (
              <ListRow
                key={image ? image.id : `pending-${item.index}`}
                index={item.index}
                top={item.start}
                image={image}
                active={item.index === active}
                now={now}
                version={version}
                fast={fast}
                onSelect={select}
                onOpen={props.onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** One row; memoised so scrolling renders only the rows entering the view. */
const ListRow = memo(function ListRow({
  index,
  top,
  image,
  active,
  now,
  fast,
  onSelect,
  onOpen,
}: {
  index: number;
  top: number;
  image: ImageMeta | undefined;
  active: boolean;
  now: number;
  /** Changes when pages arrive (the row's image may be among them). */
  version: number;
  /** Scrolling too fast to look at thumbnails: hold their requests. */
  fast: boolean;
  onSelect(index: number): void;
  onOpen(image: ImageMeta): void;
}) {
  const style = { transform: `translateY(${top}px)`, height: LIST_ROW_HEIGHT };
  const className = `list-row${active ? ' list-row--active' : ''}`;
  if (!image) {
    return (
      <div
        role="option"
        aria-selected={active}
        aria-busy="true"
        id={itemDomId('list', index)}
        className={className}
        style={style}
      >
        <span className="thumb thumb--small skeleton" />
        <span className="skeleton skeleton--line" />
      </div>
    );
  }
  const badge = statusBadge(image.status);
  const confidence = lowestConfidence(image);
  const folder = image.directory_path || '/';
  return (
    <div
      role="option"
      aria-selected={active}
      id={itemDomId('list', index)}
      className={className}
      style={style}
      data-testid="dataset.image"
      data-image-id={image.id}
      data-index={index}
      onClick={() => {
        onSelect(index);
        onOpen(image);
      }}
    >
      <span className="thumb--small-frame">
        <Thumbnail imageId={image.id} alt="" paused={fast} />
      </span>
      <span className="list-row__name" title={image.filename} data-testid="dataset.image.name">
        {image.filename}
      </span>
      <span className="list-row__folder mono" title={folder}>
        {folder}
      </span>
      <span>
        <span className={`status-pill status-pill--${badge.tone}`}>{badge.label}</span>
      </span>
      <span className="list-row__num">{image.annotation_count}</span>
      <span className="list-row__num" data-testid="dataset.image.confidence">
        {confidence ?? '—'}
      </span>
      <span className="list-row__updated" title={image.updated_at}>
        {formatRelativeTime(image.updated_at, now)}
      </span>
    </div>
  );
});
