import type { SceneClass } from '../../viewer/sceneTypes';
import { EyeIcon, EyeOffIcon } from '../../components/icons';
import { formatCount } from '../../format/numbers';

const STATUS_NOTE: Record<SceneClass['status'], string | null> = {
  ok: null,
  'invalid-color': 'invalid colour in the dataset: a stand-in colour is used',
  'missing-class': 'not a class of this dataset: a stand-in colour is used',
};

/** Classes with their colour and count; each row shows or hides the class on the canvas. */
export function Legend({
  classes,
  hidden,
  onToggle,
}: {
  classes: readonly SceneClass[];
  hidden: ReadonlySet<string>;
  onToggle(name: string): void;
}) {
  if (classes.length === 0) return <p className="viewer-panel__muted">This dataset has no classes.</p>;
  return (
    <ul className="viewer-legend" data-testid="viewer.legend">
      {classes.map((cls) => {
        const isHidden = hidden.has(cls.name);
        const note = STATUS_NOTE[cls.status];
        return (
          <li key={cls.name}>
            <button
              type="button"
              className={`viewer-legend__row${isHidden ? ' viewer-legend__row--hidden' : ''}`}
              data-testid={`viewer.legend.${cls.name}`}
              data-status={cls.status}
              aria-pressed={!isHidden}
              aria-label={`${cls.name}: ${cls.count} shown${note ? `, ${note}` : ''}. ${isHidden ? 'Show' : 'Hide'} this class.`}
              title={note ?? undefined}
              onClick={() => onToggle(cls.name)}
            >
              <span className="viewer-legend__swatch" style={{ background: cls.color }} aria-hidden="true" />
              <span className="viewer-legend__name">{cls.name}</span>
              {note ? (
                <span
                  className="viewer-legend__warning"
                  data-testid={`viewer.legend.${cls.name}.warning`}
                  aria-hidden="true"
                >
                  !
                </span>
              ) : null}
              <span className="viewer-legend__count">
                {formatCount(cls.count)}
                {cls.predictions > 0 ? (
                  <span className="viewer-legend__predicted"> · {formatCount(cls.predictions)} pred.</span>
                ) : null}
              </span>
              <span className="viewer-legend__eye" aria-hidden="true">
                {isHidden ? <EyeOffIcon size={14} /> : <EyeIcon size={14} />}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
