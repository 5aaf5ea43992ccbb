import type { ReactNode } from 'react';
import { formatBytes, formatCount, pluralize } from '../../format/numbers';
import type { PreparedImage } from '../../viewer/preparedImages';
import { Legend } from './Legend';

const STATUS_LABELS: Record<string, string> = { new: 'New', in_progress: 'In progress', complete: 'Complete' };

interface ViewerPanelProps {
  image: PreparedImage;
  /** The editor's document count (edits included), when the editor is open. */
  annotationCount?: number;
  /** The review status after a decision made here, when it differs from the loaded one. */
  reviewStatus?: string | null;
  /** The editor's panels (annotation list), under the legend. */
  children?: ReactNode;
  hidden: ReadonlySet<string>;
  onToggleClass(name: string): void;
  brightness: number;
  contrast: number;
  onBrightness(value: number): void;
  onContrast(value: number): void;
  onRetryAnnotations(): void;
}

/** The side panel: review status and counts, what is odd about this image, the legend, adjustments. */
export function ViewerPanel(props: ViewerPanelProps) {
  const { image } = props;
  const { meta, scene } = image;
  const predictions = scene.classes.reduce((sum, c) => sum + c.predictions, 0);
  const lowest = meta.min_confidence;
  const status = props.reviewStatus ?? meta.status;
  const notes = panelNotes(image);

  return (
    <aside className="viewer-panel" data-testid="viewer.panel" aria-label="Image details">
      <section className="viewer-panel__section">
        <dl className="viewer-facts">
          <dt>Status</dt>
          <dd>
            <span className={`viewer-status viewer-status--${status}`} data-testid="viewer.status">
              {STATUS_LABELS[status] ?? status}
            </span>
          </dd>
          <dt>Annotations</dt>
          <dd data-testid="viewer.annotationCount">{formatCount(props.annotationCount ?? image.annotations.length)}</dd>
          <dt>Predictions</dt>
          <dd data-testid="viewer.predictionCount">
            {formatCount(predictions)}
            {lowest !== null && predictions > 0 ? (
              <span className="viewer-panel__muted"> · lowest {Math.round(lowest * 100)}%</span>
            ) : null}
          </dd>
          <dt>Size</dt>
          <dd>
            {meta.width && meta.height ? `${formatCount(meta.width)} × ${formatCount(meta.height)}` : 'unknown'} ·{' '}
            {formatBytes(meta.file_size)}
          </dd>
        </dl>
      </section>

      {notes.length > 0 ? (
        <section className="viewer-panel__section" aria-label="Problems with this image">
          <ul className="viewer-notes" data-testid="viewer.notes">
            {notes.map((note) => (
              <li
                key={note.id}
                className={`viewer-note viewer-note--${note.tone}`}
                data-testid={`viewer.note.${note.id}`}
              >
                {note.text}
                {note.id === 'annotations-error' ? (
                  <button type="button" className="btn btn--small btn--ghost" onClick={props.onRetryAnnotations}>
                    Try again
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="viewer-panel__section">
        <h2 className="viewer-panel__heading">Classes</h2>
        <Legend classes={scene.classes} hidden={props.hidden} onToggle={props.onToggleClass} />
      </section>

      {props.children}

      <section className="viewer-panel__section">
        <h2 className="viewer-panel__heading">Adjust</h2>
        <Slider
          id="viewer-brightness"
          label="Brightness"
          value={props.brightness}
          onChange={props.onBrightness}
          testId="viewer.brightness"
        />
        <Slider
          id="viewer-contrast"
          label="Contrast"
          value={props.contrast}
          onChange={props.onContrast}
          testId="viewer.contrast"
        />
        {props.brightness !== 1 || props.contrast !== 1 ? (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            data-testid="viewer.adjust.reset"
            onClick={() => {
              props.onBrightness(1);
              props.onContrast(1);
            }}
          >
            Reset
          </button>
        ) : null}
      </section>
    </aside>
  );
}

function Slider(props: {
  id: string;
  label: string;
  value: number;
  onChange(value: number): void;
  testId: string;
}): ReactNode {
  return (
    <div className="viewer-slider">
      <label htmlFor={props.id}>
        {props.label} <output htmlFor={props.id}>{Math.round(props.value * 100)}%</output>
      </label>
      <input
        id={props.id}
        type="range"
        min={0.2}
        max={3}
        step={0.05}
        value={props.value}
        data-testid={props.testId}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
    </div>
  );
}

interface Note {
  id: string;
  tone: 'warning' | 'info';
  text: string;
}

/** Everything unusual about the image, said plainly (hostile data gets a marker, never a crash). */
export function panelNotes(image: PreparedImage): Note[] {
  const notes: Note[] = [];
  const { picture, scene } = image;
  if (picture.state === 'failed') notes.push({ id: 'picture-failed', tone: 'warning', text: picture.message });
  else if (picture.downscaled)
    notes.push({
      id: 'downscaled',
      tone: 'info',
      text: `Shown downscaled to ${formatCount(picture.shownWidth)} × ${formatCount(picture.shownHeight)}: the image is larger than a canvas can hold. Annotations keep full precision.`,
    });
  if (image.annotationsError)
    notes.push({
      id: 'annotations-error',
      tone: 'warning',
      text: `Annotations could not be loaded: ${image.annotationsError.message}`,
    });
  const byKind = (kind: string) => scene.issues.filter((issue) => issue.kind === kind);
  const unknown = byKind('unknown-type');
  if (unknown.length > 0) {
    const types = [...new Set(unknown.map((issue) => /“(.*)”/.exec(issue.message)?.[1] ?? '?'))].join(', ');
    notes.push({
      id: 'unknown-types',
      tone: 'info',
      text: `${pluralize(unknown.length, 'annotation')} of a type this app does not know (${types}): drawn as labelled boxes.`,
    });
  }
  const malformed = byKind('malformed');
  if (malformed.length > 0)
    notes.push({
      id: 'malformed',
      tone: 'warning',
      text: `${pluralize(malformed.length, 'annotation')} with malformed geometry: drawn as boxes.`,
    });
  const skipped = byKind('not-drawable');
  if (skipped.length > 0)
    notes.push({
      id: 'not-drawable',
      tone: 'warning',
      text: `${pluralize(skipped.length, 'annotation')} cannot be drawn (no usable geometry).`,
    });
  const simplified = byKind('simplified');
  if (simplified.length > 0)
    notes.push({
      id: 'simplified',
      tone: 'info',
      text: `${pluralize(simplified.length, 'shape')} with too many points in total: drawn as boxes.`,
    });
  if (scene.outside > 0)
    notes.push({
      id: 'outside',
      tone: 'warning',
      text: `${pluralize(scene.outside, 'annotation')} ${scene.outside === 1 ? 'lies' : 'lie'} entirely outside the image.`,
    });
  const missing = scene.classes.filter((c) => c.status === 'missing-class' && c.count > 0);
  if (missing.length > 0)
    notes.push({
      id: 'missing-classes',
      tone: 'warning',
      text: `Classes not in this dataset: ${missing.map((c) => c.name).join(', ')}.`,
    });
  const invalid = scene.classes.filter((c) => c.status === 'invalid-color');
  if (invalid.length > 0)
    notes.push({
      id: 'invalid-colors',
      tone: 'info',
      text: `Invalid class colours replaced: ${invalid.map((c) => c.name).join(', ')}.`,
    });
  return notes;
}
