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
import { AnnotationList } from './editor/AnnotationList';
import { AttributesPanel } from './editor/AttributesPanel';
import { EditorLayer } from './editor/EditorLayer';
import { EditorToolbar } from './editor/EditorToolbar';
import { useEditorScreen } from './editor/useEditorScreen';
import { useDataset } from './useDatasetClasses';
import { useNeighbours } from './useNeighbours';
import { usePreparedImage } from './usePreparedImage';
import { usePrefetch } from './usePrefetch';
import { viewerCache } from './viewerCache';
import '../../styles/viewer.css';
import '../../styles/editor.css';
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
  const [brightness, setBrightness] = useState(1);
  const [contrast, setContrast] = useState(1);

  const image: PreparedImage | null = loaded.state === 'ready' ? loaded.image : loaded.previous;
  // The editor (issue 9) works on the image once it is ready; its scene is the edited document's.
  const editing = useEditorScreen(datasetId, loaded.state === 'ready' ? loaded.image : null, dataset, classes, query);
  const binding = editing.binding;
  const hidden = binding?.editor.session.hiddenClasses ?? NO_HIDDEN;
  const classOrder = useMemo(() => (classes ?? []).map((c) => c.name), [classes]);
  const editedScene = binding && image && binding.editor.document.imageId === image.imageId ? binding.scene : null;
  const content = useMemo<StageContent | null>(
    () =>
      image
        ? {
            id: image.imageId,
            picture: image.picture.state === 'ready' ? image.picture.bitmap : null,
            width: image.width,
            height: image.height,
            scene: editedScene ?? image.scene,
          }
        : null,
    [image, editedScene],
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

  const toggleClass = editing.toggleClass;
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
      {/* The toolbar's row is held while the image loads: the stage keeps its size when the editor
          arrives, so a 10,000-shape image is drawn once, not again for a resize. */}
      {binding ? (
        <EditorToolbar editor={binding.editor} saveState={editing.saveState} />
      ) : (
        <div
          className="editor-toolbar editor-toolbar--placeholder"
          aria-hidden="true"
          data-testid="editor.toolbarPlaceholder"
        />
      )}
      <div className="viewer__body">
        <div className="viewer__stage">
          {binding && stage && content ? (
            <EditorLayer stage={stage} binding={binding} imageSize={content} classes={classes ?? []} />
          ) : null}
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
            annotationCount={binding?.editor.document.annotations.length ?? image.annotations.length}
            reviewStatus={binding?.editor.document.review?.status ?? null}
            hidden={hidden}
            onToggleClass={toggleClass}
            brightness={brightness}
            contrast={contrast}
            onBrightness={setBrightness}
            onContrast={setContrast}
            onRetryAnnotations={retry}
          >
            {binding ? <AttributesPanel editor={binding.editor} /> : null}
            {binding ? <AnnotationList editor={binding.editor} stage={stage} classOrder={classOrder} /> : null}
          </ViewerPanel>
        ) : (
          <aside className="viewer-panel viewer-panel--loading" aria-busy="true" aria-label="Image details">
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line" />
          </aside>
        )}
        {editing.dialogs}
      </div>
    </section>
  );
}

const NO_HIDDEN: ReadonlySet<string> = new Set();
