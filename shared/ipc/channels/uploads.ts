import { z } from 'zod';
import { channel, event } from '../define';
import { idArg } from '../schemas';

/**
 * Uploads (issue 11 item 2, §7.2): files and folders dropped on a dataset are checked locally,
 * queued (persisted: a restart resumes), sent with the three-step upload and bounded concurrency,
 * and reported item by item on `event:upload`.
 */
export const UPLOAD_DUPLICATE_CHOICES = ['skip', 'rename'] as const;
export type UploadDuplicateChoice = (typeof UPLOAD_DUPLICATE_CHOICES)[number];

export type UploadItemState = 'queued' | 'uploading' | 'done' | 'skipped' | 'failed' | 'cancelled';

export interface UploadItemView {
  id: string;
  batchId: string;
  datasetId: string;
  /** The file on this computer. */
  path: string;
  /** The name it gets on the server (a renamed duplicate shows its new name). */
  filename: string;
  directoryPath: string;
  size: number;
  state: UploadItemState;
  /** Why it failed or was skipped, in words; null otherwise. */
  message: string | null;
  imageId: string | null;
  bytesSent: number;
}

export interface UploadBatchView {
  id: string;
  datasetId: string;
  duplicates: UploadDuplicateChoice;
  createdAt: string;
  total: number;
  counts: Record<UploadItemState, number>;
  bytesTotal: number;
  bytesSent: number;
}

export interface UploadQueueView {
  batches: UploadBatchView[];
  items: UploadItemView[];
}

export const uploadsChannels = {
  'uploads:add': channel<UploadBatchView>()(
    z.strictObject({
      datasetId: idArg,
      /** Absolute paths of dropped or picked files and folders. */
      paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
      /** The virtual folder they go into (§7.2), default the root. */
      directory: z.string().min(1).max(1024).startsWith('/').default('/'),
      duplicates: z.enum(UPLOAD_DUPLICATE_CHOICES).default('skip'),
    }),
  ),
  'uploads:list': channel<UploadQueueView>()(z.strictObject({ batchId: idArg.optional() })),
  /** Cancels one item, or every unfinished item of a batch. */
  'uploads:cancel': channel<{ cancelled: number }>()(
    z.union([z.strictObject({ batchId: idArg }), z.strictObject({ itemId: idArg })]),
  ),
  /** Forgets batches that have nothing left to do. */
  'uploads:clear': channel<{ removed: number }>()(z.strictObject({})),
} as const;

export const uploadsEvents = {
  'event:upload': event<{ batch: UploadBatchView; item: UploadItemView }>(),
} as const;
