import { useSyncExternalStore } from 'react';
import type { ImageMeta } from '../../../shared/api';
import { ActionButton } from '../../components/ActionButton';
import { ArrowLeftIcon, ArrowRightIcon } from '../../components/icons';
import { formatCount } from '../../format/numbers';
import type { ViewerStage } from '../../viewer/viewerStage';
import type { NeighboursState } from './useNeighbours';

interface ViewerHeaderProps {
  datasetName: string;
  meta: ImageMeta | null;
  neighbours: NeighboursState;
  stage: ViewerStage | null;
}

/** Back to the dataset, the file's name and folder, position in the browser's order, navigation, zoom. */
export function ViewerHeader({ datasetName, meta, neighbours, stage }: ViewerHeaderProps) {
  const folder = meta ? (meta.directory_path === '/' || meta.directory_path === '' ? '' : meta.directory_path) : '';
  return (
    <header className="viewer__header">
      <ActionButton actionId="viewer.back" testId="viewer.back" className="btn btn--ghost btn--small viewer__back">
        <ArrowLeftIcon size={14} /> <span className="viewer__back-name">{datasetName}</span> <kbd>Esc</kbd>
      </ActionButton>
      <div className="viewer__title" title={meta ? `${folder}/${meta.filename}` : undefined}>
        <h1 className="viewer__filename" data-testid="viewer.filename">
          {meta?.filename ?? 'Loading…'}
        </h1>
        {folder ? (
          <span className="viewer__folder" data-testid="viewer.folder">
            {/* bdi keeps the path left-to-right inside the right-to-left box that puts the ellipsis first */}
            <bdi>{folder}</bdi>
          </span>
        ) : null}
      </div>
      <div className="viewer__nav">
        <ActionButton actionId="viewer.previous" testId="viewer.previous">
          <ArrowLeftIcon size={14} />
        </ActionButton>
        <span className="viewer__position" data-testid="viewer.position" title={positionTitle(neighbours)}>
          {positionText(neighbours)}
        </span>
        <ActionButton actionId="viewer.next" testId="viewer.next">
          <ArrowRightIcon size={14} />
        </ActionButton>
      </div>
      {stage ? <ZoomControls stage={stage} /> : null}
    </header>
  );
}

function positionText(neighbours: NeighboursState): string {
  if (neighbours.state === 'loading') return '…';
  if (neighbours.state === 'failed') return 'No order';
  const { position, total } = neighbours.position;
  return position === null
    ? `not in filter · ${formatCount(total)}`
    : `${formatCount(position + 1)} / ${formatCount(total)}`;
}

function positionTitle(neighbours: NeighboursState): string | undefined {
  if (neighbours.state === 'failed')
    return `Next and previous are unavailable: the dataset's order could not be read (${neighbours.error.message}).`;
  if (neighbours.state === 'ready' && neighbours.position.position === null)
    return 'This image does not match the browser’s current filter; next and previous follow the filtered list.';
  return undefined;
}

function ZoomControls({ stage }: { stage: ViewerStage }) {
  const { camera } = useSyncExternalStore(stage.subscribe, stage.getSnapshot);
  return (
    <div className="viewer__zoom" role="group" aria-label="Zoom">
      <ActionButton actionId="viewer.zoomOut" testId="viewer.zoomOut">
        −
      </ActionButton>
      <span className="viewer__zoom-value" data-testid="viewer.zoom" aria-live="polite">
        {Math.round(camera.scale * 100)}%
      </span>
      <ActionButton actionId="viewer.zoomIn" testId="viewer.zoomIn">
        +
      </ActionButton>
      <ActionButton actionId="viewer.fit" testId="viewer.fit" showLabel>
        {null}
      </ActionButton>
      <ActionButton actionId="viewer.actualSize" testId="viewer.actualSize">
        1:1
      </ActionButton>
    </div>
  );
}
