import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { shapeOf, shapeBounds } from '../../../../shared/annotations/shapes';
import { setClassLocked } from '../../../editor/document/session';
import type { Editor } from '../../../editor/editor';
import type { ListSort } from '../../../editor/list/annotationRows';
import { DEFAULT_LOW_CONFIDENCE, annotationRows } from '../../../editor/list/annotationRows';
import { cameraForRect, zoomToLimits } from '../../../viewer/camera';
import type { ViewerStage } from '../../../viewer/viewerStage';

const ROW_HEIGHT = 28;

/**
 * The annotation list (issue 9 item 3): grouped by class with counts, confidence per row, sortable
 * by confidence, predictions under the threshold highlighted; a click selects the annotation and
 * zooms the view to it (cameraForRect). Virtualized, so 10,000 rows cost a screenful of DOM nodes.
 */
export function AnnotationList({
  editor,
  stage,
  classOrder,
}: {
  editor: Editor;
  stage: ViewerStage | null;
  classOrder: readonly string[];
}) {
  const [sort, setSort] = useState<ListSort>('order');
  const [threshold, setThreshold] = useState(DEFAULT_LOW_CONFIDENCE);
  const annotations = editor.document.annotations;
  const rows = useMemo(
    () => annotationRows(annotations, classOrder, { sort, threshold }),
    [annotations, classOrder, sort, threshold],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selected = new Set(editor.session.selection);

  const choose = (id: string) => {
    editor.select([id]);
    const annotation = editor.annotation(id);
    const shape = annotation ? shapeOf(annotation) : null;
    if (shape && stage) {
      const b = shapeBounds(shape);
      const view = { width: stage.container.clientWidth, height: stage.container.clientHeight };
      const rect = { x: b.minX, y: b.minY, width: b.maxX - b.minX, height: b.maxY - b.minY };
      const target = cameraForRect(view, rect, zoomToLimits(view, editor.imageSize ?? view));
      // Centre first, then zoom about the view's centre: the stage applies its own limits and clamping.
      stage.centreOn(rect.x + rect.width / 2, rect.y + rect.height / 2);
      stage.zoomBy(target.scale / stage.camera.scale);
    }
  };

  return (
    <section className="viewer-panel__section editor-list" aria-label="Annotations" data-testid="editor.list">
      <div className="editor-list__controls">
        <h2 className="viewer-panel__heading">Annotations</h2>
        <label className="editor-list__sort">
          <input
            type="checkbox"
            checked={sort === 'confidence'}
            onChange={(event) => setSort(event.target.checked ? 'confidence' : 'order')}
            data-testid="editor.list.sortConfidence"
          />
          Lowest confidence first
        </label>
        <label className="editor-list__threshold">
          Highlight below{' '}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value >= 0 && value <= 1) setThreshold(value);
            }}
            data-testid="editor.list.threshold"
            aria-label="Highlight predictions with a confidence below"
          />
        </label>
      </div>
      <div
        ref={scroller}
        className="editor-list__scroller"
        role="listbox"
        aria-label="Annotations by class"
        aria-multiselectable="true"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: ROW_HEIGHT,
              transform: `translateY(${item.start}px)`,
            };
            if (row.kind === 'class') {
              return (
                <div key={`class:${row.name}`} className="editor-list__group" style={style} role="presentation">
                  <span>
                    {row.name}{' '}
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      aria-pressed={editor.session.lockedClasses.has(row.name)}
                      aria-label={`Lock the class ${row.name}`}
                      data-testid={`editor.list.lock.${row.name}`}
                      onClick={() => {
                        const locked = editor.session.lockedClasses.has(row.name);
                        editor.updateSession((s) =>
                          setClassLocked(s, row.name, !locked, (id) => editor.annotation(id)?.name),
                        );
                      }}
                    >
                      {editor.session.lockedClasses.has(row.name) ? 'Unlock' : 'Lock'}
                    </button>
                  </span>
                  <span className="editor-list__muted">
                    {row.count}
                    {row.low > 0 ? ` · ${row.low} low` : ''}
                  </span>
                </div>
              );
            }
            return (
              <div
                key={row.id}
                role="option"
                aria-selected={selected.has(row.id)}
                tabIndex={-1}
                className={`editor-list__row${row.low ? ' editor-list__row--low' : ''}${selected.has(row.id) ? ' editor-list__row--selected' : ''}`}
                style={style}
                data-testid="editor.list.row"
                data-annotation-id={row.id}
                onClick={() => choose(row.id)}
              >
                <span className="editor-list__type">{row.type}</span>
                <span className="editor-list__id">{row.id}</span>
                <span className="editor-list__confidence">
                  {row.confidence === null ? '—' : `${Math.round(row.confidence * 100)}%`}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
