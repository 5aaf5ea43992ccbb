import { useId, useState } from 'react';
import type { ClipboardEvent, Ref } from 'react';
import { EyeIcon, EyeOffIcon, KeyIcon } from '../../components/icons';
import { apiKeyShape, apiKeyShapeHint, normalizeApiKey } from './connectForm';

interface ApiKeyFieldProps {
  value: string;
  onChange(value: string): void;
  disabled: boolean;
  /** A message from submitting (e.g. "Enter your API key"); wins over the format hint. */
  problem: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The key field: masked by default with a show/hide toggle, and paste-friendly (a key copied with
 * a line break, quotes or an `X-API-Key:` prefix is cleaned on paste). The format check only
 * warns: main and the server decide what is valid.
 */
export function ApiKeyField({ value, onChange, disabled, problem, inputRef }: ApiKeyFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const [touched, setTouched] = useState(false);
  const shapeHint = touched ? apiKeyShapeHint(apiKeyShape(normalizeApiKey(value))) : null;

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    const cleaned = normalizeApiKey(pasted);
    if (cleaned === pasted) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + cleaned + value.slice(end));
    setTouched(true);
  };

  const message = problem ?? shapeHint;
  return (
    <div className="field">
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          API key
        </label>
        <span className="field__aside">Pictograph → Settings → API keys</span>
      </div>
      <div className={`input-group${message ? ' input-group--problem' : ''}`}>
        <span className="input-group__icon">
          <KeyIcon size={15} />
        </span>
        <input
          id={id}
          ref={inputRef}
          className="input-group__input mono"
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onPaste={onPaste}
          onBlur={() => setTouched(true)}
          placeholder="pk_live_…"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
          data-testid="connect.apiKey"
        />
        <button
          type="button"
          className="input-group__button"
          onClick={() => setVisible((v) => !v)}
          aria-label={visible ? 'Hide the API key' : 'Show the API key'}
          aria-pressed={visible}
          title={visible ? 'Hide key' : 'Show key'}
          data-testid="connect.apiKey.toggle"
        >
          {visible ? <EyeOffIcon size={15} /> : <EyeIcon size={15} />}
        </button>
      </div>
      <p
        id={`${id}-hint`}
        className={`field__hint${message ? ' field__hint--problem' : ''}`}
        data-testid="connect.apiKey.hint"
      >
        {message ?? (
          <>
            Starts with <span className="mono">pk_live_</span> · never stored in plain text
          </>
        )}
      </p>
    </div>
  );
}
