import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies a value (a request id, an error report). The clipboard can be refused (no user gesture,
 * no permission in a test browser): then say so, and the value is still selectable on screen.
 */
export function CopyButton({
  value,
  label,
  idleText = 'Copy',
  testId,
}: {
  value: string;
  /** What is copied, for the tooltip and screen readers ("Copy request id"). */
  label: string;
  idleText?: string;
  testId?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1800);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : idleText;
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small copy-button"
      onClick={() => void copy()}
      aria-label={`${label}: ${text}`}
      title={label}
      data-testid={testId}
    >
      {state === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      <span>{text}</span>
    </button>
  );
}
