import { useEffect, useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ArrowRightIcon, SparkIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { openDemoWorkspace } from '../../store/actions/connectionActions';
import { formatElapsed } from '../../format/time';
import { selectLastAttempt, selectLastError, selectPending, selectPendingSince } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';

/**
 * The fastest way in: the embedded pictograph-local with sample datasets. First start generates
 * the sample images, so the busy state says why it takes a moment.
 */
export function DemoCard() {
  const pending = useAppStore(selectPending);
  const lastError = useAppStore(selectLastError);
  const lastAttempt = useAppStore(selectLastAttempt);
  const pendingSince = useAppStore(selectPendingSince);
  const starting = pending?.kind === 'demo';
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!starting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [starting]);
  const elapsed = starting && pendingSince !== null ? formatElapsed(now - pendingSince) : null;

  return (
    <div className="demo">
      <button
        type="button"
        className="demo-card"
        onClick={() => void openDemoWorkspace(appStore)}
        disabled={pending !== null}
        aria-busy={starting}
        data-testid="connect.demo"
      >
        <span className="demo-card__icon">{starting ? <Spinner size={18} /> : <SparkIcon size={20} />}</span>
        <span className="demo-card__text">
          <span className="demo-card__title">
            {starting ? 'Starting the demo workspace…' : 'Open the demo workspace'}
          </span>
          <span className="demo-card__description">
            {starting
              ? `Preparing sample images on this computer; the first start takes a few minutes.${elapsed ? ` ${elapsed}` : ''}`
              : 'A sample workspace that runs locally on this computer: real datasets, images and annotations. No account, no network.'}
          </span>
        </span>
        <span className="demo-card__arrow">
          <ArrowRightIcon size={18} />
        </span>
      </button>
      {lastAttempt === 'demo' && lastError ? (
        <ErrorPanel
          error={lastError}
          testId="connect.error"
          compact
          onDismiss={() => appStore.getState().errorDismissed()}
        />
      ) : null}
    </div>
  );
}
