import { useId } from 'react';
import { CloudIcon, ServerIcon } from '../../components/icons';
import { CLOUD_BASE_URL } from './connectForm';

export type ServerKind = 'cloud' | 'custom';

interface ServerChoiceProps {
  kind: ServerKind;
  customUrl: string;
  onKindChange(kind: ServerKind): void;
  onCustomUrlChange(url: string): void;
  disabled: boolean;
  /** The address was rejected (the reason is shown in the form's error panel). */
  invalid: boolean;
}

/**
 * Pictograph cloud or a custom server (self-hosted, or pictograph-local). The address field only
 * appears for a custom server; the cloud address is fixed and shown as text.
 */
export function ServerChoice({
  kind,
  customUrl,
  onKindChange,
  onCustomUrlChange,
  disabled,
  invalid,
}: ServerChoiceProps) {
  const id = useId();
  return (
    <div className="field">
      <div className="field__label-row">
        <span className="field__label" id={`${id}-label`}>
          Server
        </span>
      </div>
      <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`}>
        <button
          type="button"
          role="radio"
          aria-checked={kind === 'cloud'}
          className="segmented__option"
          onClick={() => onKindChange('cloud')}
          disabled={disabled}
          data-testid="connect.server.cloud"
        >
          <CloudIcon size={15} /> Pictograph cloud
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={kind === 'custom'}
          className="segmented__option"
          onClick={() => onKindChange('custom')}
          disabled={disabled}
          data-testid="connect.server.custom"
        >
          <ServerIcon size={15} /> Custom server
        </button>
      </div>
      {kind === 'cloud' ? (
        <p className="field__hint" data-testid="connect.cloudUrl">
          Connects to <span className="mono">{CLOUD_BASE_URL}</span>
        </p>
      ) : (
        <>
          <label className="visually-hidden" htmlFor={id}>
            Server address
          </label>
          <div className={`input-group${invalid ? ' input-group--problem' : ''}`}>
            <span className="input-group__icon">
              <ServerIcon size={15} />
            </span>
            <input
              id={id}
              className="input-group__input mono"
              type="text"
              inputMode="url"
              value={customUrl}
              onChange={(event) => onCustomUrlChange(event.target.value)}
              placeholder="https://pictograph.example.com"
              autoComplete="url"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              disabled={disabled}
              autoFocus={customUrl === ''}
              aria-invalid={invalid ? true : undefined}
              data-testid="connect.baseUrl"
            />
          </div>
          {customUrl === '' ? (
            <p className="field__hint">Self-hosted Pictograph or pictograph-local, e.g. http://127.0.0.1:8787</p>
          ) : null}
        </>
      )}
    </div>
  );
}
