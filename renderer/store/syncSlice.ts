import type { StateCreator } from 'zustand';
import type { CacheInfo, IpcError, OfflineStatus, SyncConflict, SyncStatus } from '../../shared/ipc';
import type { AppState } from './appState';

/** Offline work and sync as the renderer shows it (issue 10: the indicator, conflicts, "available offline"). */
export interface SyncSlice {
  /** The outbox's queue as main last pushed it (`event:sync`). */
  syncStatus: SyncStatus | null;
  /** The conflicts waiting for the user; null before the first load. */
  conflicts: SyncConflict[] | null;
  conflictsError: IpcError | null;
  /** Datasets marked available offline, by dataset id (`event:offline`; state `off` removes one). */
  offlineByDataset: Record<string, OfflineStatus>;
  cacheInfo: CacheInfo | null;

  syncStatusReceived(status: SyncStatus): void;
  conflictsLoaded(conflicts: SyncConflict[]): void;
  conflictsFailed(error: IpcError): void;
  offlineReceived(status: OfflineStatus): void;
  offlineListLoaded(list: OfflineStatus[]): void;
  cacheInfoLoaded(info: CacheInfo): void;
  /** Signed out or another workspace: nothing of the previous one is shown. */
  syncReset(): void;
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncStatus: null,
  conflicts: null,
  conflictsError: null,
  offlineByDataset: {},
  cacheInfo: null,

  syncStatusReceived: (syncStatus) => set({ syncStatus }),
  conflictsLoaded: (conflicts) => set({ conflicts, conflictsError: null }),
  conflictsFailed: (conflictsError) => set({ conflictsError }),
  offlineReceived: (status) =>
    set((state) => {
      const next = { ...state.offlineByDataset };
      if (status.state === 'off') delete next[status.datasetId];
      else next[status.datasetId] = status;
      return { offlineByDataset: next };
    }),
  offlineListLoaded: (list) =>
    set({ offlineByDataset: Object.fromEntries(list.map((status) => [status.datasetId, status])) }),
  cacheInfoLoaded: (cacheInfo) => set({ cacheInfo }),
  syncReset: () => set({ syncStatus: null, conflicts: null, conflictsError: null, offlineByDataset: {} }),
});

/** What the status bar's indicator says, most urgent first. */
export type SyncIndicatorTone = 'ok' | 'busy' | 'waiting' | 'attention';

export interface SyncIndicatorView {
  tone: SyncIndicatorTone;
  label: string;
}

export function describeSync(status: SyncStatus | null, online: boolean): SyncIndicatorView {
  if (!status) return { tone: 'waiting', label: 'Sync —' };
  if (status.outboxUnavailable) return { tone: 'attention', label: 'Edits cannot be saved on this computer' };
  if (status.conflicts > 0)
    return { tone: 'attention', label: `${status.conflicts} conflict${status.conflicts === 1 ? '' : 's'} to resolve` };
  if (status.failed > 0)
    return { tone: 'attention', label: `${status.failed} edit${status.failed === 1 ? '' : 's'} refused` };
  if (status.flushing) return { tone: 'busy', label: `Syncing ${status.flushing.done} of ${status.flushing.total}` };
  const queued = `${status.queued} edit${status.queued === 1 ? '' : 's'}`;
  if (status.queued > 0) return { tone: 'waiting', label: online ? `${queued} to sync` : `${queued} saved offline` };
  return { tone: 'ok', label: 'All edits synced' };
}
