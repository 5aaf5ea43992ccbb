import { completionPercent, formatPercent } from '../format/numbers';
import './ProgressBar.css';

/** A thin completion bar; `value` of `max`, clamped so odd server counts never overflow it. */
export function ProgressBar({
  value,
  max,
  label,
  testId,
}: {
  value: number;
  max: number;
  label: string;
  testId?: string;
}) {
  const percent = completionPercent(value, max);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      aria-valuetext={formatPercent(percent)}
      data-testid={testId}
    >
      <div
        className={`progress__fill${percent >= 100 ? ' progress__fill--done' : ''}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
