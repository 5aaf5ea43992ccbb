import type { ReactNode } from 'react';
import { InfoIcon, ShieldIcon } from './icons';
import './Notice.css';

/** A calm, non-error message (session-only key storage, offline, read-only…). */
export function Notice({
  tone = 'info',
  title,
  children,
  testId,
}: {
  tone?: 'info' | 'warning';
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`notice notice--${tone}`} role="status" data-testid={testId}>
      <span className="notice__icon">{tone === 'warning' ? <ShieldIcon size={16} /> : <InfoIcon size={16} />}</span>
      <div>
        <p className="notice__title">{title}</p>
        {children ? <div className="notice__text">{children}</div> : null}
      </div>
    </div>
  );
}
