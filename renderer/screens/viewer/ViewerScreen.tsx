import { useCallback, useMemo, useState } from 'react';
import { useRegisterActions } from '../../actions/useRegisterActions';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Spinner } from '../../components/Spinner';
import { ArrowLeftIcon, RefreshIcon } from '../../components/icons';
import { selectBrowseQuery } from '../../store/browseSlice';
import { useAppStore } from '../../store/useAppStore';
import type { PreparedImage } from '../../viewer/preparedImages';
import { stepTargets } from '../../viewer/neighbours';
import { viewerActions } from '../../viewer/viewerActions';
import type { StageContent, ViewerStage } from '../../viewer/viewerStage';
import { Minimap } from './Minimap';
import { ViewerCanvas } from './ViewerCanvas';
import { ViewerHeader } from './ViewerHeader';
import { ViewerPanel } from './ViewerPanel';
import { useDataset } from './useDatasetClasses';
import { useNeighbours } from './useNeighbours';
import { usePreparedImage } from './usePreparedImage';
import { usePrefetch } from './usePrefetch';
import { viewerCache } from './viewerCache';
import '../../styles/viewer.css';
import './ViewerScreen.css';

/** One image with its annotations: stage, header with navigation and zoom, side panel. */
export function ViewerScreen({ datasetId, imageId }: { datasetId: string; imageId: string }) {
  const { dataset, classes } = useDataset(datasetId);
  const selectQuery = useMemo(() => selectBrowseQuery(datasetId), [datasetId]);
  const query = useAppStore(selectQuery);
  const imageOpened = useAppStore((state) => state.imageOpened);
  const datasetOpened = useAppStore((state) => state.datasetOpened);
  const [attempt, setAttempt] = useState(0);
  const loaded = usePreparedImage(imageId, classes, attempt);
  const neighbours = useNeighbours(datasetId, imageId, query);
  const [stage, setStage] = useState<ViewerStage | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [brightness, setBrightness] = useState(1);
  const [contrast, setContrast] = useState(1);

  const image: PreparedImage | null = loaded.state === 'ready' ? loaded.image : loaded.previous;
  const content = useMemo<StageContent | null>(
    () =>
      image
        ? {
            id: image.imageId,
            picture: image.picture.state === 'ready' ? image.picture.bitmap : null,
            width: image.width,
            height: image.height,
            scene: image.scene,
          }
        : null,
    [image],
  );

  const position = neighbours.state === 'ready' ? neighbours.position : null;
  const { next: nextId, previous: previousId } = stepTargets(imageId, position, neighbours.previous);
  usePrefetch(position, classes, loaded.state === 'ready');

  // Built every render: useRegisterActions delegates to the latest closures without re-registering.
  const actions = viewerActions({
    next: () => {
      if (nextId) imageOpened(datasetId, nextId);
    },
    previous: () => {
      if (previousId) imageOpened(datasetId, previousId);
    },
    canNext: () => nextId !== null,
    canPrevious: () => previousId !== null,
    back: () => datasetOpened(datasetId),
    zoomIn: () => stage?.zoomIn(),
    zoomOut: () => stage?.zoomOut(),
    fit: () => stage?.fit(),
    actualSize: () => stage?.actualSize(),
    pan: (dx, dy) => stage?.panBy(dx, dy),
  });
  useRegisterActions(actions);

  const toggleClass = useCallback((name: string) => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  }, []);
  const retry = useCallback(() => {
    viewerCache.forget(imageId);
    setAttempt((n) => n + 1);
  }, [imageId]);

  const meta = image?.imageId === imageId ? image.meta : null;
  return (
    <section
      className="viewer"
      data-testid="viewer"
      data-dataset-id={datasetId}
      data-image-id={imageId}
      data-state={loaded.state}
    >
      <ViewerHeader datasetName={dataset?.name ?? 'Dataset'} meta={meta} neighbours={neighbours} stage={stage} />
      <div className="viewer__body">
        <div className="viewer__stage">
          <ViewerCanvas
            content={content}
            hidden={hidden}
            brightness={brightness}
            contrast={contrast}
            onStage={setStage}
          />
          {stage && content ? (
            <Minimap stage={stage} picture={image?.picture.state === 'ready' ? image.picture.bitmap : null} />
          ) : null}
          {loaded.state === 'loading' ? (
            <div className="viewer__loading" data-testid="viewer.loading">
              <Spinner size={16} label="Loading image" /> Loading image…
            </div>
          ) : null}
          {image?.picture.state === 'failed' && image.imageId === imageId ? (
            <div className="viewer__message" role="status" data-testid="viewer.pictureError">
              {image.picture.message}
            </div>
          ) : null}
          {loaded.state === 'failed' ? (
            <div className="viewer__error">
              <ErrorPanel
                error={loaded.error}
                testId="viewer.error"
                actions={
                  <>
                    <button type="button" className="btn btn--small" onClick={retry} data-testid="viewer.retry">
                      <RefreshIcon size={14} /> Try again
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      onClick={() => datasetOpened(datasetId)}
                    >
                      <ArrowLeftIcon size={14} /> Back to the dataset
                    </button>
                  </>
                }
              />
            </div>
          ) : null}
        </div>
        {image && image.imageId === imageId ? (
          <ViewerPanel
            image={image}
            hidden={hidden}
            onToggleClass={toggleClass}
            brightness={brightness}
            contrast={contrast}
            onBrightness={setBrightness}
            onContrast={setContrast}
            onRetryAnnotations={retry}
          />
        ) : (
          <aside className="viewer-panel viewer-panel--loading" aria-busy="true" aria-label="Image details">
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line" />
          </aside>
        )}
      </div>
    </section>
  );
}
