import { useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ArrowRightIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { connectWithKey } from '../../store/actions/connectionActions';
import { selectLastAttempt, selectLastError, selectPending } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { ApiKeyField } from './ApiKeyField';
import { CLOUD_BASE_URL, normalizeApiKey, normalizeBaseUrl } from './connectForm';
import type { ConnectDraft } from './connectDraft';
import { ServerChoice } from './ServerChoice';

interface ConnectFormProps {
  draft: ConnectDraft;
  onDraftChange(update: Partial<ConnectDraft>): void;
  keyInputRef: RefObject<HTMLInputElement | null>;
}

/** Server + key → `connection:connect`. Enter submits; problems are shown inline, never thrown. */
export function ConnectForm({ draft, onDraftChange, keyInputRef }: ConnectFormProps) {
  const pending = useAppStore(selectPending);
  const lastError = useAppStore(selectLastError);
  const lastAttempt = useAppStore(selectLastAttempt);
  const [localError, setLocalError] = useState<IpcError | null>(null);
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const submitting = pending?.kind === 'connect';
  const busy = pending !== null;
  const urlFieldInvalid = localError?.code === 'bad_url';
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const url =
      draft.serverKind === 'cloud' ? { ok: true as const, url: CLOUD_BASE_URL } : normalizeBaseUrl(draft.customUrl);
    if (!url.ok) {
      setLocalError({ code: 'bad_url', message: url.message });
      formRef.current?.querySelector<HTMLInputElement>('[data-testid="connect.baseUrl"]')?.focus();
      return;
    }
    const apiKey = normalizeApiKey(draft.apiKey);
    if (apiKey === '') {
      setLocalError(null);
      setKeyProblem('Enter your API key.');
      keyInputRef.current?.focus();
      return;
    }
    setLocalError(null);
    setKeyProblem(null);
    const result = await connectWithKey(appStore, {
      baseUrl: url.url,
      apiKey,
      ...(draft.profileId ? { profileId: draft.profileId } : {}),
    });
    const signedIn = result.ok && (result.value.state === 'connected' || result.value.state === 'offline');
    if (!signedIn) keyInputRef.current?.select();
  };

  const shownError =
    localError ?? (lastAttempt === 'connect' || lastAttempt === 'resume' || lastAttempt === null ? lastError : null);

  return (
    <form
      ref={formRef}
      className="connect-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="connect.form"
    >
      <div className="connect-form__header">
        <h2 className="connect-form__title">Connect to Pictograph</h2>
        <p className="connect-form__subtitle">
          {draft.profileName ? (
            <>
              Enter a new key for <strong>{draft.profileName}</strong>.
            </>
          ) : (
            'Use an API key from your organization.'
          )}
        </p>
      </div>
      <ServerChoice
        kind={draft.serverKind}
        customUrl={draft.customUrl}
        onKindChange={(serverKind) => {
          setLocalError(null);
          onDraftChange({ serverKind, profileId: null, profileName: null });
        }}
        onCustomUrlChange={(customUrl) => {
          setLocalError(null);
          onDraftChange({ serverKind: 'custom', customUrl, profileId: null, profileName: null });
        }}
        disabled={busy}
        invalid={urlFieldInvalid}
      />
      <ApiKeyField
        value={draft.apiKey}
        onChange={(apiKey) => {
          setKeyProblem(null);
          onDraftChange({ apiKey });
        }}
        disabled={busy}
        problem={keyProblem}
        inputRef={keyInputRef}
      />
      <button
        type="submit"
        className="btn btn--primary btn--large btn--block"
        disabled={busy}
        data-testid="connect.submit"
        aria-busy={submitting}
      >
        {submitting ? (
          <>
            <Spinner size={15} /> Connecting…
          </>
        ) : (
          <>
            Connect <ArrowRightIcon size={16} />
          </>
        )}
      </button>
      {shownError ? (
        <ErrorPanel
          error={shownError}
          testId="connect.error"
          compact
          onDismiss={() => {
            setLocalError(null);
            appStore.getState().errorDismissed();
          }}
        />
      ) : null}
    </form>
  );
}
