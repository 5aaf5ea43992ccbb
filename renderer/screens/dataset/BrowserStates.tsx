import { ImageIcon, SearchIcon } from '../../components/icons';
import { GRID_MIN_TILE } from './gridLayout';

/** Tiles shaped like the real ones while the first page is on its way. */
export function BrowserSkeleton() {
  return (
    <div
      className="browser__skeleton"
      style={{ gridTemplateColumns: `repeat(auto-fill, minmax(${GRID_MIN_TILE}px, 1fr))` }}
      aria-busy="true"
      aria-label="Loading images"
      data-testid="dataset.loading"
    >
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="tile tile--loading">
          <span className="thumb skeleton" />
          <span className="skeleton skeleton--line" />
        </div>
      ))}
    </div>
  );
}

export function NoMatches({ onClear }: { onClear(): void }) {
  return (
    <div className="browser__empty" data-testid="browser.noMatches">
      <SearchIcon size={22} />
      <p>No images match these filters.</p>
      <button type="button" className="btn btn--small" onClick={onClear} data-testid="browser.clearFilters.empty">
        Clear filters
      </button>
    </div>
  );
}

export function NoImages({ indexing }: { indexing: boolean }) {
  return (
    <div className="browser__empty" data-testid="dataset.empty">
      <ImageIcon size={22} />
      <p>{indexing ? 'Indexing this dataset… images appear as they are found.' : 'This dataset has no images yet.'}</p>
      {indexing ? null : (
        <p className="browser__empty-hint" data-testid="dataset.empty.dropHint">
          Drop images or whole folders here, or use Add images.
        </p>
      )}
    </div>
  );
}
