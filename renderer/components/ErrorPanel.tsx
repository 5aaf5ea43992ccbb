import type { ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc';
import { describeError, errorReportText } from '../format/errors';
import { CopyButton } from './CopyButton';
import { AlertIcon } from './icons';
import './ErrorPanel.css';

interface ErrorPanelProps {
  error: IpcError;
  testId: string;
  /** Buttons to offer (retry, dismiss…), rendered under the facts. */
  actions?: ReactNode;
  compact?: boolean;
}

/**
 * How every failure is shown: a title people understand, the server's own message, what to do,
 * and the facts support needs (code, HTTP status, request id with a copy button).
 */
export function ErrorPanel({ error, testId, actions, compact = false }: ErrorPanelProps) {
  const view = describeError(error);
  return (
    <div className={`error-panel${compact ? ' error-panel--compact' : ''}`} role="alert" data-testid={testId} data-code={error.code}>
      <div className="error-panel__icon">
        <AlertIcon size={18} />
      </div>
      <div className="error-panel__body">
        <p className="error-panel__title" data-testid={`${testId}.title`}>
          {view.title}
        </p>
        <p className="error-panel__message" data-testid={`${testId}.message`}>
          {view.message}
        </p>
        {view.hint ? <p className="error-panel__hint">{view.hint}</p> : null}
        <dl className="error-panel__facts">
          {view.facts.map((fact) => (
            <div key={fact.label} className="error-panel__fact">
              <dt>{fact.label}</dt>
              <dd className="mono" data-testid={`${testId}.${fact.label.toLowerCase().replace(/\s+/g, '-')}`}>
                {fact.value}
              </dd>
              {fact.copyable ? <CopyButton value={fact.value} label={`Copy ${fact.label.toLowerCase()}`} /> : null}
            </div>
          ))}
          <div className="error-panel__fact error-panel__fact--report">
            <CopyButton value={errorReportText(error)} label="Copy the whole error" testId={`${testId}.copy`} />
          </div>
        </dl>
        {actions ? <div className="error-panel__actions">{actions}</div> : null}
      </div>
    </div>
  );
}
