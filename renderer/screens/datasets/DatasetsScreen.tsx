import { useEffect, useMemo, useState } from 'react';
import { onEvent } from '../../api/bridge';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LayersIcon, RefreshIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { completionPercent, formatPercent, pluralize } from '../../format/numbers';
import { loadDatasets } from '../../store/actions/datasetsActions';
import { selectDatasets, selectDatasetsError, selectDatasetsLoading } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { DatasetCard, DatasetCardSkeleton } from './DatasetCard';
import { sortDatasetsForOverview, summarizeDatasets } from './datasetSummary';
import './DatasetsScreen.css';

const SKELETON_COUNT = 6;

/** The overview after signing in: every dataset in the workspace with its review progress. */
export function DatasetsScreen() {
  const datasets = useAppStore(selectDatasets);
  const loading = useAppStore(selectDatasetsLoading);
  const error = useAppStore(selectDatasetsError);
  const openDataset = useAppStore((state) => state.datasetOpened);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void loadDatasets(appStore);
    // Main answered from its catalog and checks with the server in the background: reload when it changed.
    return onEvent('event:catalog-changed', (change) => {
      if (change.kind === 'datasets') void loadDatasets(appStore);
    });
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const sorted = useMemo(() => (datasets ? sortDatasetsForOverview(datasets) : []), [datasets]);
  const totals = useMemo(() => summarizeDatasets(sorted), [sorted]);
  const refresh = () => {
    setNow(Date.now());
    void loadDatasets(appStore, { refresh: true });
  };

  return (
    <section className="datasets" data-testid="datasets.screen" aria-busy={loading}>
      <header className="datasets__header">
        <div>
          <h1 className="datasets__title">Datasets</h1>
          <p className="datasets__summary" data-testid="datasets.summary">
            {datasets === null
              ? 'Loading your workspace…'
              : `${pluralize(totals.datasets, 'dataset')} · ${pluralize(totals.images, 'image')} · ${formatPercent(
                  completionPercent(totals.completedImages, totals.images),
                )} complete · ${pluralize(totals.annotations, 'annotation')}`}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--small"
          onClick={refresh}
          disabled={loading}
          data-testid="datasets.refresh"
        >
          {loading ? <Spinner size={13} /> : <RefreshIcon size={14} />}
          Refresh
        </button>
      </header>

      {error ? (
        <ErrorPanel
          error={error}
          testId="datasets.error"
          actions={
            <button type="button" className="btn btn--small" onClick={refresh} data-testid="datasets.retry">
              <RefreshIcon size={14} /> Try again
            </button>
          }
        />
      ) : null}

      {datasets === null && loading ? (
        <div className="datasets__grid" data-testid="datasets.loading">
          {Array.from({ length: SKELETON_COUNT }, (_, i) => (
            <DatasetCardSkeleton key={i} />
          ))}
        </div>
      ) : null}

      {datasets !== null && datasets.length === 0 ? (
        <div className="datasets__empty" data-testid="datasets.empty">
          <span className="datasets__empty-icon">
            <LayersIcon size={22} />
          </span>
          <h2>No datasets in this workspace yet</h2>
          <p>
            Datasets are created in Pictograph. Once your organization has one, it appears here with its images and
            review progress.
          </p>
          <button type="button" className="btn btn--small" onClick={refresh}>
            <RefreshIcon size={14} /> Check again
          </button>
        </div>
      ) : null}

      {sorted.length > 0 ? (
        <div className="datasets__grid" data-testid="datasets.list">
          {sorted.map((dataset) => (
            <DatasetCard key={dataset.id} dataset={dataset} now={now} onOpen={openDataset} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
