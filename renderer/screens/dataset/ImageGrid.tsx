import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent } from 'react';
import type { ImageMeta } from '../../../shared/api';
import type { CatalogRows } from './catalogRows';
import type { GridLayout } from './gridLayout';
import { GRID_GAP, GRID_PADDING, gridLayout } from './gridLayout';
import { navigate } from './gridNavigation';
import { useScroller } from './useScroller';
import { imagePath, lowestConfidence, statusBadge } from './imageTile';
import { Thumbnail } from './Thumbnail';
import { useElementSize } from './useElementSize';
import { useFastScroll } from './useFastScroll';

export interface BrowseViewProps {
  rows: CatalogRows;
  count: number;
  active: number;
  label: string;
  onActiveChange(index: number): void;
  onOpen(image: ImageMeta): void;
  /** Where the view was scrolled last time it was shown (coming back from the viewer). */
  initialOffset: number;
  onScrollOffset(offset: number): void;
}

export const itemDomId = (view: string, index: number) => `browser-${view}-item-${index}`;

/**
 * The thumbnail grid: only the rows on screen (plus two) exist in the DOM, whatever the dataset's
 * size. The focused container owns the keyboard (aria-activedescendant), so focus never has to
 * chase tiles that are created and destroyed while scrolling.
 */
export function ImageGrid(props: BrowseViewProps) {
  const { rows, count, active, onActiveChange, onScrollOffset } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(scrollRef);
  const fast = useFastScroll(scrollRef);
  const layout = useMemo(() => gridLayout(width), [width]);
  const rowCount = Math.ceil(count / layout.columns);
  const version = useSyncExternalStore(rows.subscribe, rows.getVersion);

  // No React Compiler here: the virtualizer is read fresh on every render, which is what it wants.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: 2,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
    initialOffset: props.initialOffset,
    // Scroll updates go through React's normal batching instead of a synchronous render per event.
    useFlushSync: false,
  });

  useEffect(() => virtualizer.measure(), [virtualizer, layout.rowHeight]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    rows.want(firstRow * layout.columns, (lastRow + 1) * layout.columns - 1);
  }, [rows, firstRow, lastRow, layout.columns]);

  const select = useScroller(scrollRef, onScrollOffset, onActiveChange);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pageRows = Math.max(1, Math.floor(height / layout.rowHeight));
    const next = navigate(event.key, active, { count, columns: layout.columns, pageRows });
    if (next === null) return;
    event.preventDefault();
    onActiveChange(next);
    virtualizer.scrollToIndex(Math.floor(next / layout.columns), { align: 'auto' });
  };

  const activeInView = active >= firstRow * layout.columns && active < (lastRow + 1) * layout.columns;
  return (
    <div
      ref={scrollRef}
      className="browser__scroll"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount}
      aria-colcount={layout.columns}
      aria-activedescendant={activeInView && active < count ? itemDomId('grid', active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="browser.grid"
      data-columns={layout.columns}
    >
      <div className="browser__sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <GridRow
            key={item.key}
            row={item.index}
            top={item.start}
            layout={layout}
            count={count}
            rows={rows}
            version={version}
            fast={fast}
            active={Math.floor(active / layout.columns) === item.index ? active : -1}
            onSelect={select}
            onOpen={props.onOpen}
          />
        ))}
      </div>
    </div>
  );
}

interface GridRowProps {
  row: number;
  top: number;
  layout: GridLayout;
  count: number;
  rows: CatalogRows;
  /** Changes when pages arrive, so a row whose data came in re-renders (and only then). */
  version: number;
  /** Scrolling too fast to look at thumbnails: hold their requests. */
  fast: boolean;
  /** The active index if it is in this row, else -1. */
  active: number;
  onSelect(index: number): void;
  onOpen(image: ImageMeta): void;
}

/**
 * One row of tiles. Memoised: while scrolling only the rows entering the view render; the others
 * keep their DOM and move by their transform.
 */
const GridRow = memo(function GridRow({ row, top, layout, count, rows, fast, active, onSelect, onOpen }: GridRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={row + 1}
      className="grid-row"
      style={{
        transform: `translateY(${top}px)`,
        height: layout.rowHeight - GRID_GAP,
        gridTemplateColumns: `repeat(${layout.columns}, ${layout.tileWidth}px)`,
        left: GRID_PADDING,
        gap: GRID_GAP,
      }}
    >
      {Array.from({ length: layout.columns }, (_, column) => {
        const index = row * layout.columns + column;
        if (index >= count) return null;
        const image = rows.row(index);
        // Keyed by the image: a DOM node never starts standing for another image (columns or
        // order changing under a click would otherwise open the image the node had become).
        return (
          <GridTile
            key={image ? image.id : `pending-${index}`}
            index={index}
            image={image}
            active={index === active}
            fast={fast}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        );
      })}
    </div>
  );
});

function GridTile({
  index,
  image,
  active,
  fast,
  onSelect,
  onOpen,
}: {
  index: number;
  image: ImageMeta | undefined;
  active: boolean;
  fast: boolean;
  onSelect(index: number): void;
  onOpen(image: ImageMeta): void;
}) {
  const className = `tile${active ? ' tile--active' : ''}`;
  if (!image) {
    return (
      <div role="gridcell" id={itemDomId('grid', index)} className={`${className} tile--loading`} aria-busy="true">
        <span className="thumb skeleton" />
        <span className="skeleton skeleton--line" />
      </div>
    );
  }
  const badge = statusBadge(image.status);
  const confidence = lowestConfidence(image);
  const path = imagePath(image);
  return (
    <div
      role="gridcell"
      id={itemDomId('grid', index)}
      aria-selected={active}
      aria-label={`${path}, ${badge.label}, ${image.annotation_count} annotations${confidence ? `, lowest confidence ${confidence}` : ''}`}
      className={className}
      data-testid="dataset.image"
      data-image-id={image.id}
      data-index={index}
      onClick={() => {
        onSelect(index);
        onOpen(image);
      }}
    >
      <span className="tile__frame">
        <Thumbnail imageId={image.id} alt="" paused={fast} />
        <span className={`status-badge status-badge--${badge.tone}`}>{badge.label}</span>
      </span>
      <span className="tile__name" title={path} data-testid="dataset.image.name">
        {image.filename}
      </span>
      <span className="tile__meta">
        {image.annotation_count} {image.annotation_count === 1 ? 'label' : 'labels'}
        {confidence ? <span className="tile__confidence"> · min {confidence}</span> : null}
      </span>
    </div>
  );
}
