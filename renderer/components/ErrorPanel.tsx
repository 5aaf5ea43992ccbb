import type { ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc';
import { describeError, errorReportText } from '../format/errors';
import { CopyButton } from './CopyButton';
import { AlertIcon, CloseIcon } from './icons';
import './ErrorPanel.css';

interface ErrorPanelProps {
  error: IpcError;
  testId: string;
  /** Buttons to offer (retry…), rendered under the facts next to "Copy details". */
  actions?: ReactNode;
  /** Tighter layout for forms: smaller type, no "Copy details" row. */
  compact?: boolean;
  onDismiss?: () => void;
}

/**
 * How every failure is shown: a title people understand, the server's own message, what to do,
 * and the facts support needs (code, HTTP status, request id with a copy button).
 */
export function ErrorPanel({ error, testId, actions, compact = false, onDismiss }: ErrorPanelProps) {
  const view = describeError(error);
  return (
    <div
      className={`error-panel${compact ? ' error-panel--compact' : ''}`}
      role="alert"
      data-testid={testId}
      data-code={error.code}
    >
      <div className="error-panel__icon">
        <AlertIcon size={compact ? 16 : 18} />
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
            <div key={fact.label} className={`error-panel__fact${fact.copyable ? ' error-panel__fact--copyable' : ''}`}>
              <dt>{fact.label}</dt>
              <dd
                className="mono"
                title={fact.value}
                data-testid={`${testId}.${fact.label.toLowerCase().replace(/\s+/g, '-')}`}
              >
                {fact.value}
              </dd>
              {fact.copyable ? (
                <CopyButton
                  value={fact.value}
                  label={`Copy ${fact.label.toLowerCase()}`}
                  testId={`${testId}.copyRequestId`}
                />
              ) : null}
            </div>
          ))}
        </dl>
        {compact && !actions ? null : (
          <div className="error-panel__actions">
            {actions}
            {compact ? null : (
              <CopyButton
                value={errorReportText(error)}
                label="Copy the error details"
                idleText="Copy details"
                testId={`${testId}.copy`}
              />
            )}
          </div>
        )}
      </div>
      {onDismiss ? (
        <button
          type="button"
          className="error-panel__dismiss"
          onClick={onDismiss}
          aria-label="Dismiss this error"
          title="Dismiss"
          data-testid={`${testId}.dismiss`}
        >
          <CloseIcon size={14} />
        </button>
      ) : null}
    </div>
  );
}
