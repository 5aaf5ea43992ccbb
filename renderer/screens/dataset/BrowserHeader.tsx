import type { CatalogIndexStatus } from '../../../shared/ipc';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { formatCount } from '../../format/numbers';
import { describeMatches } from './browseQuery';

export function MatchCount({ matched, total, filtered }: { matched: number; total: number | null; filtered: boolean }) {
  return (
    <span className="browser__count" data-testid="browser.count" aria-live="polite">
      {describeMatches(matched, total, filtered)}
    </span>
  );
}

/**
 * The class filter can only look at annotation lists on this computer (the API cannot filter by
 * class): when that is not every image, say how many it looked at and how to include the rest.
 */
export function ClassCoverage({ known, total }: { known: number; total: number | null }) {
  if (total !== null && known >= total) return null;
  const of = total === null ? '' : ` of ${formatCount(total)}`;
  return (
    <span className="browser__coverage" data-testid="browser.classCoverage" role="status">
      Class filter: looked at the {formatCount(known)}
      {of} images whose annotations are on this computer. Open images, or make the dataset available offline, to include
      the rest.
    </span>
  );
}

/** "Indexing 4,000 of 100,000" while main pages the API; a failed index says so without hiding the cache. */
export function IndexingStatus({ index }: { index: CatalogIndexStatus | null }) {
  if (!index) return null;
  if (index.state === 'indexing') {
    const of = index.total === null ? '' : ` of ${formatCount(index.total)}`;
    return (
      <span className="browser__indexing" data-testid="browser.indexing" role="status">
        <Spinner size={12} />
        Indexing {formatCount(index.indexed)}
        {of}
        {index.total ? <ProgressBar value={index.indexed} max={index.total} label="Indexing progress" /> : null}
      </span>
    );
  }
  if (index.state === 'error') {
    return (
      <span
        className="browser__indexing browser__indexing--error"
        data-testid="browser.indexError"
        role="status"
        title={index.error?.message}
      >
        Showing cached images: indexing failed
      </span>
    );
  }
  return null;
}
