import { z } from 'zod';
import { channel, event } from '../define';
import type { IpcError } from '../result';
import { emptyRequest, idArg } from '../schemas';

/**
 * "Available offline" datasets (issue 10 item 4, docs/offline.md): main downloads every image and
 * annotation list of a dataset with a handful of counted requests and keeps them pinned in the
 * catalog, so the dataset can be browsed and edited with no network.
 */

/**
 * off: not available offline (after disable or cancel); queued: marked, waiting for a connection;
 * downloading; paused: by the user; complete: everything is here; failed: stopped on an error
 * that needs the user (the report says which).
 */
export type OfflineState = 'off' | 'queued' | 'downloading' | 'paused' | 'complete' | 'failed';

export interface OfflineFailure {
  imageId: string;
  filename: string;
  what: 'image' | 'annotations';
  message: string;
}

export interface OfflineStatus {
  datasetId: string;
  state: OfflineState;
  /** Images whose bytes and annotations are both here, of all the dataset's images. */
  items: { done: number; total: number };
  /** Image bytes here, of the listing's total. */
  bytes: { done: number; total: number };
  /** Where the annotations came from: one export, or each image's annotation file (no export allowed). */
  annotationsFrom: 'export' | 'per-image' | null;
  /** The first failures (at most 50); `failureCount` has them all. */
  failures: OfflineFailure[];
  failureCount: number;
  /** Why the download stopped (state `failed`), or the last transient problem. */
  error: IpcError | null;
  enabledAt: string | null;
  completedAt: string | null;
}

const datasetRequest = z.strictObject({ datasetId: idArg });

export const offlineChannels = {
  /** Marks the dataset available offline and starts (or resumes) its download. */
  'offline:enable': channel<OfflineStatus>()(datasetRequest),
  /** No longer available offline: stops a download and unpins what was downloaded (it stays as cache). */
  'offline:disable': channel<OfflineStatus>()(datasetRequest),
  /** Every dataset of the signed-in profile marked available offline. */
  'offline:status': channel<OfflineStatus[]>()(emptyRequest),
  'offline:pause': channel<OfflineStatus>()(datasetRequest),
  'offline:resume': channel<OfflineStatus>()(datasetRequest),
  /** Stops a running download and drops the mark, like disable. */
  'offline:cancel': channel<OfflineStatus>()(datasetRequest),
};

export const offlineEvents = {
  /** A dataset's download progressed (at most a few times a second) or changed state. */
  'event:offline': event<OfflineStatus>(),
};
