import { useEffect, useState } from 'react';
import { describeRateLimit } from '../../format/rateLimit';
import { loadRateLimit } from '../../store/actions/connectionActions';
import { selectRateLimit } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';

/** Remaining API quota from the latest response headers; ticks so "resets in …" stays true. */
export function RateLimitMeter() {
  const rateLimit = useAppStore(selectRateLimit);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void loadRateLimit(appStore);
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  if (!rateLimit) {
    return (
      <div className="rate-meter rate-meter--unknown" data-testid="shell.rateLimit" title="No API requests counted yet">
        <span className="rate-meter__label">API quota</span>
        <span className="rate-meter__value">—</span>
      </div>
    );
  }

  const view = describeRateLimit(rateLimit, now);
  return (
    <div
      className={`rate-meter rate-meter--${view.level}`}
      data-testid="shell.rateLimit"
      data-level={view.level}
      title={view.description}
      aria-label={view.description}
      role="img"
    >
      <span className="rate-meter__label">API quota</span>
      <span className="rate-meter__bar" aria-hidden="true">
        <span className="rate-meter__fill" style={{ width: `${view.fraction * 100}%` }} />
      </span>
      <span className="rate-meter__value mono" data-testid="shell.rateLimit.value">
        {view.short}
      </span>
    </div>
  );
}
