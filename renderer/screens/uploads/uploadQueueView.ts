import type { UploadBatchView, UploadItemState, UploadItemView } from '../../../shared/ipc';

/** Problems first, then what is moving, then what waits, then what is done: the order people look for. */
const ORDER: Record<UploadItemState, number> = {
  failed: 0,
  skipped: 1,
  uploading: 2,
  queued: 3,
  cancelled: 4,
  done: 5,
};

/** How many rows the queue draws per batch; the rest is counted ("and 480 more done"). */
export const MAX_ROWS = 200;

export const STATE_LABELS: Record<UploadItemState, string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const isUnfinished = (state: UploadItemState) => state === 'queued' || state === 'uploading';

export interface BatchRows {
  batch: UploadBatchView;
  rows: UploadItemView[];
  hidden: number;
  unfinished: number;
}

/** The dataset's batches, newest first, with their items in reading order (capped). */
export function batchesOf(
  datasetId: string,
  batches: Record<string, UploadBatchView>,
  items: Record<string, UploadItemView>,
): BatchRows[] {
  const byBatch = new Map<string, UploadItemView[]>();
  for (const item of Object.values(items)) {
    if (item.datasetId !== datasetId) continue;
    const list = byBatch.get(item.batchId) ?? [];
    list.push(item);
    byBatch.set(item.batchId, list);
  }
  return Object.values(batches)
    .filter((b) => b.datasetId === datasetId)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .map((batch) => {
      const all = (byBatch.get(batch.id) ?? []).sort(
        (a, b) =>
          ORDER[a.state] - ORDER[b.state] ||
          a.directoryPath.localeCompare(b.directoryPath) ||
          a.filename.localeCompare(b.filename),
      );
      return {
        batch,
        rows: all.slice(0, MAX_ROWS),
        hidden: Math.max(0, all.length - MAX_ROWS),
        unfinished: batch.counts.queued + batch.counts.uploading,
      };
    });
}

/** "12 of 50 uploaded · 2 failed · 1 skipped" */
export function describeBatch(batch: UploadBatchView): string {
  const parts = [`${batch.counts.done} of ${batch.total} uploaded`];
  if (batch.counts.failed) parts.push(`${batch.counts.failed} failed`);
  if (batch.counts.skipped) parts.push(`${batch.counts.skipped} skipped`);
  if (batch.counts.cancelled) parts.push(`${batch.counts.cancelled} cancelled`);
  return parts.join(' · ');
}

/** Whether anything in the queue has nothing left to do (what "Clear finished" would remove). */
export const hasFinishedBatches = (rows: readonly BatchRows[]) => rows.some((r) => r.unfinished === 0);
