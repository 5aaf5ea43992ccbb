import type { Dataset } from '../../../shared/api';
import { ImageIcon, LayersIcon } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { completionPercent, formatCount, formatPercent, pluralize } from '../../format/numbers';
import { formatRelativeTime } from '../../format/time';
import { annotationTypeLabel, safeColor, visibleClasses } from './datasetSummary';
import { OfflineToggle } from '../sync/OfflineToggle';

const MAX_CHIPS = 6;

/** One dataset: what it is, how far review has come, and what kinds of labels it holds. */
export function DatasetCard({ dataset, now, onOpen }: { dataset: Dataset; now: number; onOpen(id: string): void }) {
  const percent = completionPercent(dataset.completed_image_count, dataset.image_count);
  const { shown, hidden } = visibleClasses(dataset.classes, MAX_CHIPS);
  return (
    <article className="dataset-card" data-testid="datasets.card" data-dataset-id={dataset.id}>
      <header className="dataset-card__header">
        <div className="dataset-card__heading">
          <h3 className="dataset-card__name">
            <button
              type="button"
              className="dataset-card__open"
              onClick={() => onOpen(dataset.id)}
              data-testid="datasets.card.open"
            >
              <span data-testid="datasets.card.name">{dataset.name}</span>
            </button>
          </h3>
          <p className="dataset-card__types" data-testid="datasets.card.types">
            {dataset.annotation_types.length === 0
              ? 'No annotation types'
              : dataset.annotation_types.map(annotationTypeLabel).join(' · ')}
          </p>
        </div>
        <span className="dataset-card__updated" title={dataset.updated_at}>
          Updated {formatRelativeTime(dataset.updated_at, now)}
        </span>
      </header>
      <p className={`dataset-card__description${dataset.description ? '' : ' dataset-card__description--empty'}`}>
        {dataset.description || 'No description'}
      </p>

      <div className="dataset-card__progress">
        <div className="dataset-card__progress-label">
          <span data-testid="datasets.card.progress">
            <strong>{formatCount(dataset.completed_image_count)}</strong> of {formatCount(dataset.image_count)} images
            complete
          </span>
          <span className="dataset-card__percent">{formatPercent(percent)}</span>
        </div>
        <ProgressBar
          value={dataset.completed_image_count}
          max={dataset.image_count}
          label={`${dataset.name} review progress`}
        />
      </div>

      <dl className="dataset-card__stats">
        <div className="dataset-card__stat">
          <dt>
            <ImageIcon size={14} />
            <span className="visually-hidden">Images</span>
          </dt>
          <dd data-testid="datasets.card.imageCount">{pluralize(dataset.image_count, 'image')}</dd>
        </div>
        <div className="dataset-card__stat">
          <dt>
            <LayersIcon size={14} />
            <span className="visually-hidden">Annotations</span>
          </dt>
          <dd data-testid="datasets.card.annotationCount">{pluralize(dataset.annotation_count, 'annotation')}</dd>
        </div>
      </dl>

      <OfflineToggle datasetId={dataset.id} compact />
      <ul className="dataset-card__classes" aria-label="Classes" data-testid="datasets.card.classes">
        {shown.map((cls) => (
          <li key={cls.name} className="class-chip" title={cls.type ? `${cls.name} (${cls.type})` : cls.name}>
            <span className="class-chip__swatch" style={{ background: safeColor(cls.color) }} aria-hidden="true" />
            {cls.name}
          </li>
        ))}
        {hidden > 0 ? <li className="class-chip class-chip--more">+{hidden} more</li> : null}
        {dataset.classes.length === 0 ? <li className="class-chip class-chip--more">No classes yet</li> : null}
      </ul>
    </article>
  );
}

export function DatasetCardSkeleton() {
  return (
    <div className="dataset-card dataset-card--skeleton" aria-hidden="true">
      <span className="skeleton skeleton--title" />
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--line skeleton--short" />
      <span className="skeleton skeleton--bar" />
      <span className="skeleton skeleton--chips" />
    </div>
  );
}
