import { ErrorPanel } from '../../components/ErrorPanel';
import { UploadIcon } from '../../components/icons';
import { selectOpenDataset, selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { uploadGate } from './AddImagesButtons';
import { UploadDraftBar } from './UploadDraftBar';
import { UploadQueue } from './UploadQueue';
import './uploads.css';

/**
 * Under the browser: the drop overlay while files hover, the draft waiting for "Upload", and the
 * dataset's upload queue.
 */
export function UploadArea({ datasetId, dragging }: { datasetId: string; dragging: boolean }) {
  const dataset = useAppStore(selectOpenDataset);
  const draft = useAppStore((state) => state.uploadDraft);
  const gate = uploadGate(useAppStore(selectStatus)?.role ?? null);
  const error = useAppStore((state) => state.uploadPickError);

  return (
    <>
      {dragging ? (
        <div className="upload-overlay" data-testid="uploads.dropTarget" aria-hidden="true">
          <UploadIcon size={28} />
          <p>{gate.allowed ? `Drop to upload into ${dataset?.name ?? 'this dataset'}` : gate.reason}</p>
        </div>
      ) : null}
      {error ? (
        <div className="upload-area__error">
          <ErrorPanel
            compact
            error={error}
            testId="uploads.pickError"
            onDismiss={() => appStore.getState().uploadPickFailed(null)}
          />
        </div>
      ) : null}
      {draft && draft.datasetId === datasetId ? (
        <UploadDraftBar draft={draft} datasetName={dataset?.name ?? 'this dataset'} />
      ) : null}
      <UploadQueue datasetId={datasetId} />
    </>
  );
}
