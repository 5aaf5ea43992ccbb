import { useState } from 'react';
import type { IpcError, UploadDuplicateChoice } from '../../../shared/ipc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Spinner } from '../../components/Spinner';
import { UploadIcon } from '../../components/icons';
import { addUploads } from '../../store/actions/uploadsActions';
import type { UploadDraft } from '../../store/uploadsSlice';
import { appStore } from '../../store/useAppStore';

/** Dropped or picked files, waiting for "Upload": what is about to go, and what a taken name does. */
export function UploadDraftBar({ draft, datasetName }: { draft: UploadDraft; datasetName: string }) {
  const [duplicates, setDuplicates] = useState<UploadDuplicateChoice>('skip');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const send = async () => {
    setSending(true);
    setError(null);
    const result = await addUploads(appStore, { datasetId: draft.datasetId, paths: draft.paths, duplicates });
    setSending(false);
    if (result.ok) appStore.getState().uploadDrafted(null);
    else setError(result.error);
  };

  return (
    <section className="upload-draft" aria-label="Files to upload" data-testid="uploads.draft">
      <div className="upload-draft__summary">
        <UploadIcon size={16} />
        <p data-testid="uploads.draft.description">
          Upload {draft.description} to <strong>{datasetName}</strong>
        </p>
      </div>
      {draft.notes.map((note) => (
        <p key={note} className="upload-draft__note" data-testid="uploads.draft.note">
          {note}
        </p>
      ))}
      <fieldset className="upload-draft__duplicates">
        <legend>If a file name is already in the dataset</legend>
        <label className="check">
          <input
            type="radio"
            name="upload-duplicates"
            checked={duplicates === 'skip'}
            onChange={() => setDuplicates('skip')}
            data-testid="uploads.duplicates.skip"
          />
          <span>Skip it</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name="upload-duplicates"
            checked={duplicates === 'rename'}
            onChange={() => setDuplicates('rename')}
            data-testid="uploads.duplicates.rename"
          />
          <span>Upload it under a new name</span>
        </label>
      </fieldset>
      {error ? <ErrorPanel compact error={error} testId="uploads.draft.error" /> : null}
      <div className="upload-draft__actions">
        <button
          type="button"
          className="btn btn--small"
          onClick={() => appStore.getState().uploadDrafted(null)}
          data-testid="uploads.draft.cancel"
        >
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--small btn--primary"
          onClick={() => void send()}
          disabled={sending || draft.paths.length === 0}
          data-testid="uploads.draft.start"
        >
          {sending ? <Spinner size={13} /> : <UploadIcon size={14} />}
          Upload
        </button>
      </div>
    </section>
  );
}
