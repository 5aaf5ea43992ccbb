import { useState } from 'react';
import type { ExportRecord, Role } from '../../../shared/api';
import type { ExportDownloadState, IpcError } from '../../../shared/ipc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { DownloadIcon, FolderIcon, TrashIcon } from '../../components/icons';
import { formatBytes } from '../../format/numbers';
import { formatRelativeTime } from '../../format/time';
import { cancelDownload, deleteExport, downloadExport, showInFolder } from '../../store/actions/exportsActions';
import { selectExportDownload } from '../../store/exportsSlice';
import { appStore, useAppStore } from '../../store/useAppStore';
import { deleteAllowed, EXPORT_FORMAT_LABELS } from './exportForm';
import { exportStateText, isExpired } from './exportState';

/** One export: its state, and what can be done with it (download, show, cancel, delete). */
export function ExportRow({ record, role, now }: { record: ExportRecord; role: Role | null; now: number }) {
  const download = useAppStore(selectExportDownload(record.id));
  const [error, setError] = useState<{ title: string; error: IpcError } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const canDelete = deleteAllowed(role);
  const expired = isExpired(record, now);
  const running = download?.state === 'running';
  const formatLabel = (EXPORT_FORMAT_LABELS as Record<string, string>)[record.format] ?? record.format;

  const run = async (title: string, call: () => Promise<{ ok: true } | { ok: false; error: IpcError }>) => {
    setError(null);
    const result = await call();
    if (!result.ok) setError({ title, error: result.error });
  };

  return (
    <li className="export-row" data-testid="exports.row" data-export-id={record.id} data-status={record.status}>
      <div className="export-row__main">
        <p className="export-row__name" data-testid="exports.row.name">
          {record.name}
        </p>
        <p className="export-row__meta">
          <span className="tag">{formatLabel}</span>
          <span>created {formatRelativeTime(record.created_at, now)}</span>
          {record.include_images ? <span>with images</span> : null}
        </p>
        <p className={`export-row__state export-row__state--${record.status}`} data-testid="exports.row.state">
          {record.status === 'pending' || record.status === 'processing' ? <Spinner size={12} /> : null}
          {exportStateText(record, now)}
        </p>
        {record.status === 'failed' && record.error_message ? (
          <p className="export-row__failure" role="alert" data-testid="exports.row.error">
            {record.error_message}
          </p>
        ) : null}
        {download ? <DownloadLine download={download} /> : null}
        {error ? (
          <ErrorPanel compact error={error.error} testId="exports.row.actionError" onDismiss={() => setError(null)} />
        ) : null}
      </div>
      <div className="export-row__actions">
        {record.status === 'completed' && !expired ? (
          running ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void run('Cancel failed', () => cancelDownload(download.downloadId))}
              data-testid="exports.row.cancel"
            >
              Cancel download
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void run('Download failed', () => downloadExport(appStore, record))}
              aria-label={`Download ${record.name} into a folder`}
              data-testid="exports.row.download"
            >
              <DownloadIcon size={14} />
              Download
            </button>
          )
        ) : null}
        {download?.state === 'completed' && download.path ? (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => void run('Could not show the file', () => showInFolder(download.path ?? ''))}
            data-testid="exports.row.show"
          >
            <FolderIcon size={14} />
            Show in folder
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--small btn--ghost btn--icon"
          onClick={() => setConfirming(true)}
          disabled={!canDelete.allowed || running}
          aria-label={canDelete.allowed ? `Delete ${record.name}` : `Delete ${record.name}: ${canDelete.reason}`}
          title={canDelete.allowed ? 'Delete' : canDelete.reason}
          data-testid="exports.row.delete"
        >
          <TrashIcon size={14} />
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Delete this export?"
          confirmLabel="Delete"
          busy={deleting}
          testId="exports.confirmDelete"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setDeleting(true);
            void deleteExport(appStore, record).then((result) => {
              setDeleting(false);
              setConfirming(false);
              if (!result.ok) setError({ title: 'Delete failed', error: result.error });
            });
          }}
        >
          “{record.name}” and its ZIP are removed from the server. Copies you downloaded stay where they are.
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

function DownloadLine({ download }: { download: ExportDownloadState }) {
  if (download.state === 'running') {
    const of = download.total ? ` of ${formatBytes(download.total)}` : '';
    return (
      <div className="export-row__download" data-testid="exports.row.progress">
        <span>
          Downloading {formatBytes(download.received)}
          {of}
        </span>
        {download.total ? (
          <ProgressBar value={download.received} max={download.total} label="Download progress" />
        ) : null}
      </div>
    );
  }
  if (download.state === 'completed') {
    return (
      <p className="export-row__download" data-testid="exports.row.saved">
        Saved as <span className="mono">{download.path}</span>
      </p>
    );
  }
  if (download.state === 'cancelled') {
    return (
      <p className="export-row__download" data-testid="exports.row.cancelled">
        Download cancelled: nothing was left in the folder.
      </p>
    );
  }
  return download.error ? (
    <ErrorPanel compact error={download.error} testId="exports.row.downloadError" />
  ) : (
    <p className="export-row__download">The download failed.</p>
  );
}
