import { useEffect, useState } from 'react';
import type { ImagePage, IpcError } from '../../../shared/ipc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ArrowLeftIcon, ImageIcon, RefreshIcon } from '../../components/icons';
import { formatCount, pluralize } from '../../format/numbers';
import { FIRST_PAGE_SIZE, loadFirstImages } from '../../store/actions/datasetsActions';
import { selectOpenDataset } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { ImageTile } from './ImageTile';
import './DatasetScreen.css';

type Loaded = { state: 'ready'; page: ImagePage } | { state: 'failed'; error: IpcError };
type PageState = { state: 'loading' } | Loaded;

/** A dataset's first page of images as thumbnails, the entry point to reviewing them. */
export function DatasetScreen({ datasetId }: { datasetId: string }) {
  const dataset = useAppStore(selectOpenDataset);
  const showDatasets = useAppStore((state) => state.datasetsShown);
  // Each load is keyed by dataset and attempt; an answer for an older key is simply not shown,
  // so "loading" is derived instead of being set from inside the effect.
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; result: Loaded } | null>(null);
  const key = `${datasetId}#${attempt}`;
  const page: PageState = loaded?.key === key ? loaded.result : { state: 'loading' };
  const load = () => setAttempt((n) => n + 1);

  useEffect(() => {
    let live = true;
    void loadFirstImages(datasetId).then((result) => {
      if (!live) return;
      setLoaded({
        key,
        result: result.ok ? { state: 'ready', page: result.value } : { state: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [datasetId, key]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) showDatasets();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showDatasets]);

  return (
    <section className="dataset" data-testid="dataset.screen" data-dataset-id={datasetId}>
      <header className="dataset__header">
        <button type="button" className="btn btn--ghost btn--small" onClick={showDatasets} data-testid="dataset.back">
          <ArrowLeftIcon size={14} /> Datasets <kbd>Esc</kbd>
        </button>
        <div className="dataset__title-row">
          <h1 className="dataset__title">{dataset?.name ?? 'Dataset'}</h1>
          {page.state === 'ready' ? (
            <span className="dataset__count" data-testid="dataset.count">
              {page.page.total > page.page.items.length
                ? `Showing the first ${formatCount(page.page.items.length)} of ${pluralize(page.page.total, 'image')}`
                : pluralize(page.page.total, 'image')}
            </span>
          ) : null}
        </div>
        {dataset?.description ? <p className="dataset__description">{dataset.description}</p> : null}
      </header>

      {page.state === 'failed' ? (
        <ErrorPanel
          error={page.error}
          testId="dataset.error"
          actions={
            <button type="button" className="btn btn--small" onClick={load} data-testid="dataset.retry">
              <RefreshIcon size={14} /> Try again
            </button>
          }
        />
      ) : null}

      {page.state === 'loading' ? (
        <div className="dataset__grid" data-testid="dataset.loading" aria-busy="true">
          {Array.from({ length: 18 }, (_, i) => (
            <div key={i} className="image-tile image-tile--skeleton">
              <span className="image-tile__frame skeleton" />
              <span className="skeleton skeleton--line" />
            </div>
          ))}
        </div>
      ) : null}

      {page.state === 'ready' && page.page.items.length === 0 ? (
        <div className="dataset__empty" data-testid="dataset.empty">
          <ImageIcon size={22} />
          <p>This dataset has no images yet.</p>
        </div>
      ) : null}

      {page.state === 'ready' && page.page.items.length > 0 ? (
        <div className="dataset__grid" data-testid="dataset.images">
          {page.page.items.slice(0, FIRST_PAGE_SIZE).map((image) => (
            <ImageTile key={image.id} image={image} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
