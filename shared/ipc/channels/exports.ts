import { z } from 'zod';
import type { ExportRecord } from '../../api';
import { exportCreateSchema } from '../../api';
import { channel, event } from '../define';
import type { IpcError } from '../result';
import { idArg } from '../schemas';

/**
 * Dataset exports (issue 11, §8): create (checked field by field), list, follow a pending one
 * (main polls with backoff and pushes `event:export`), download a completed ZIP into a folder the
 * user chose (streamed, progress on `event:export-download`), cancel, delete.
 */

/** An absolute folder path from the save dialog; main checks it exists before writing. */
export const folderArg = z.string().min(1).max(4096);

export interface ExportDownloadState {
  downloadId: string;
  exportId: string;
  /** running → completed | failed | cancelled */
  state: 'running' | 'completed' | 'failed' | 'cancelled';
  received: number;
  /** The size the export announced, when known. */
  total: number | null;
  /** The file written (inside the chosen folder), once completed. */
  path: string | null;
  error: IpcError | null;
}

export const exportsChannels = {
  'exports:create': channel<ExportRecord>()(
    z.strictObject({ request: exportCreateSchema, follow: z.boolean().default(true) }),
  ),
  'exports:list': channel<ExportRecord[]>()(z.strictObject({ datasetName: z.string().min(1).max(1000) })),
  'exports:get': channel<ExportRecord>()(z.strictObject({ exportId: idArg })),
  'exports:delete': channel<{ deleted: true }>()(z.strictObject({ exportId: idArg })),
  /** Start (or keep) polling a pending export; its changes arrive as `event:export`. */
  'exports:follow': channel<ExportRecord>()(z.strictObject({ exportId: idArg })),
  /** Stop polling (the panel no longer shows it). */
  'exports:unfollow': channel<{ following: false }>()(z.strictObject({ exportId: idArg })),
  /** Starts the download and answers at once; progress and the outcome arrive as `event:export-download`. */
  'exports:download': channel<ExportDownloadState>()(z.strictObject({ exportId: idArg, folder: folderArg })),
  'exports:cancelDownload': channel<{ cancelled: boolean }>()(z.strictObject({ downloadId: idArg })),
  'exports:downloads': channel<ExportDownloadState[]>()(z.strictObject({})),
} as const;

export const exportsEvents = {
  'event:export': event<ExportRecord>(),
  'event:export-download': event<ExportDownloadState>(),
} as const;
