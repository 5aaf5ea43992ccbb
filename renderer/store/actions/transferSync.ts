import { onEvent } from '../../api/bridge';
import type { AppStore } from '../appStore';
import { loadUploads } from './uploadsActions';

/**
 * Exports and uploads pushed by main land in the store, wherever the user is: a followed export
 * that completes is told once with a note (main also raises an OS notification), download
 * progress and upload progress update the panels. Returns the unsubscribe.
 */
export function startTransferSync(store: AppStore): () => void {
  const told = new Set<string>();
  const offExport = onEvent('event:export', (record) => {
    // Main pushes export changes only for exports it follows, so a completed one here has just
    // finished for this user (even if the panel's own list saw "completed" first): told once.
    store.getState().exportChanged(record);
    if (record.status !== 'completed' || told.has(record.id)) return;
    told.add(record.id);
    store.getState().noteShown({
      title: 'Export ready',
      message: `"${record.name}" of ${record.dataset_name} can be downloaded from its exports panel.`,
      datasetId: record.dataset_id,
    });
  });
  const offDownload = onEvent('event:export-download', (state) => store.getState().exportDownloadChanged(state));
  const offUpload = onEvent('event:upload', (change) => store.getState().uploadChanged(change));
  void loadUploads(store);
  return () => {
    offExport();
    offDownload();
    offUpload();
  };
}
