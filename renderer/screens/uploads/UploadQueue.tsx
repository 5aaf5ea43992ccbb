import { useMemo, useState } from 'react';
import type { IpcError, UploadItemView } from '../../../shared/ipc';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { CloseIcon } from '../../components/icons';
import { formatBytes } from '../../format/numbers';
import { cancelUploads, clearFinishedUploads } from '../../store/actions/uploadsActions';
import { appStore, useAppStore } from '../../store/useAppStore';
import type { BatchRows } from './uploadQueueView';
import { batchesOf, describeBatch, hasFinishedBatches, isUnfinished, STATE_LABELS } from './uploadQueueView';

function ItemRow({ item, onError }: { item: UploadItemView; onError(error: IpcError): void }) {
  // '/photos/2024' → 'photos/2024/' before the name; the root shows nothing.
  const where = item.directoryPath.replace(/^\/+|\/+$/g, '');
  return (
    <li className={`upload-item upload-item--${item.state}`} data-testid="uploads.item" data-state={item.state}>
      <span className="upload-item__name" data-testid="uploads.item.name">
        {where ? <span className="upload-item__dir">{where}/</span> : null}
        {item.filename}
      </span>
      <span className="upload-item__state">{STATE_LABELS[item.state]}</span>
      {item.state === 'uploading' ? (
        <ProgressBar value={item.bytesSent} max={item.size} label={`Upload of ${item.filename}`} />
      ) : (
        <span />
      )}
      {isUnfinished(item.state) ? (
        <button
          type="button"
          className="btn btn--ghost btn--small btn--icon"
          aria-label={`Cancel the upload of ${item.filename}`}
          onClick={() =>
            void cancelUploads(appStore, { itemId: item.id }).then((r) => (r.ok ? undefined : onError(r.error)))
          }
          data-testid="uploads.item.cancel"
        >
          <CloseIcon size={13} />
        </button>
      ) : (
        <span />
      )}
      {item.message ? (
        <span className="upload-item__message" data-testid="uploads.item.message">
          {item.message}
        </span>
      ) : null}
    </li>
  );
}

function Batch({ entry, onError }: { entry: BatchRows; onError(error: IpcError): void }) {
  const { batch, rows, hidden, unfinished } = entry;
  return (
    <section className="upload-batch" data-testid="uploads.batch" data-batch-id={batch.id}>
      <header className="upload-batch__header">
        <p className="upload-batch__summary" data-testid="uploads.batch.summary" aria-live="polite">
          {describeBatch(batch)}
          <span className="upload-batch__bytes">
            {formatBytes(batch.bytesSent)} of {formatBytes(batch.bytesTotal)}
          </span>
        </p>
        {unfinished > 0 ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() =>
              void cancelUploads(appStore, { batchId: batch.id }).then((r) => (r.ok ? undefined : onError(r.error)))
            }
            data-testid="uploads.batch.cancel"
          >
            Cancel the rest
          </button>
        ) : null}
      </header>
      <ProgressBar
        value={batch.counts.done + batch.counts.failed + batch.counts.skipped + batch.counts.cancelled}
        max={batch.total}
        label="Upload progress"
        testId="uploads.batch.progress"
      />
      <ul className="upload-batch__items">
        {rows.map((item) => (
          <ItemRow key={item.id} item={item} onError={onError} />
        ))}
      </ul>
      {hidden > 0 ? <p className="upload-batch__more">and {hidden.toLocaleString('en-US')} more</p> : null}
    </section>
  );
}

/** The dataset's uploads (issue 11 item 2): per batch overall progress, per file progress and messages. */
export function UploadQueue({ datasetId }: { datasetId: string }) {
  const batches = useAppStore((state) => state.uploadBatches);
  const items = useAppStore((state) => state.uploadItems);
  const [error, setError] = useState<IpcError | null>(null);
  const rows = useMemo(() => batchesOf(datasetId, batches, items), [datasetId, batches, items]);
  if (rows.length === 0) return null;
  return (
    <section className="upload-queue" aria-label="Uploads" data-testid="uploads.queue">
      <header className="upload-queue__header">
        <h2>Uploads</h2>
        {hasFinishedBatches(rows) ? (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => void clearFinishedUploads(appStore).then((r) => (r.ok ? undefined : setError(r.error)))}
            data-testid="uploads.clear"
          >
            Clear finished
          </button>
        ) : null}
      </header>
      {error ? <ErrorPanel compact error={error} testId="uploads.error" onDismiss={() => setError(null)} /> : null}
      <div className="upload-queue__batches">
        {rows.map((entry) => (
          <Batch key={entry.batch.id} entry={entry} onError={setError} />
        ))}
      </div>
    </section>
  );
}
