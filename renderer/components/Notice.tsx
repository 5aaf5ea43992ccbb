import type { ReactNode } from 'react';
import { CloseIcon, InfoIcon, ShieldIcon } from './icons';
import './Notice.css';

/** A calm, non-error message (session-only key storage, offline, read-only…). */
export function Notice({
  tone = 'info',
  title,
  children,
  testId,
  inline = false,
  onDismiss,
}: {
  tone?: 'info' | 'warning';
  title: string;
  children?: ReactNode;
  testId?: string;
  /** Title and text on one line: for banners that stay on screen while people work. */
  inline?: boolean;
  onDismiss?: () => void;
}) {
  return (
    <div className={`notice notice--${tone}${inline ? ' notice--inline' : ''}`} role="status" data-testid={testId}>
      <span className="notice__icon">{tone === 'warning' ? <ShieldIcon size={16} /> : <InfoIcon size={16} />}</span>
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        {children ? <div className="notice__text">{children}</div> : null}
      </div>
      {onDismiss ? (
        <button
          type="button"
          className="notice__dismiss"
          onClick={onDismiss}
          aria-label={`Dismiss: ${title}`}
          title="Dismiss"
          data-testid={testId ? `${testId}.dismiss` : undefined}
        >
          <CloseIcon size={14} />
        </button>
      ) : null}
    </div>
  );
}
