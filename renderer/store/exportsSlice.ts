import type { StateCreator } from 'zustand';
import type { ExportRecord } from '../../shared/api';
import type { ExportDownloadState, IpcError } from '../../shared/ipc';
import type { AppState } from './appState';

/** One dataset's exports as the panel shows them. */
export interface DatasetExports {
  records: ExportRecord[];
  loading: boolean;
  error: IpcError | null;
}

export interface ExportsSlice {
  /** By dataset id. */
  exportsByDataset: Record<string, DatasetExports>;
  /** The latest download of each export, by export id (progress and outcome from main). */
  exportDownloads: Record<string, ExportDownloadState>;

  exportsLoading(datasetId: string): void;
  exportsLoaded(datasetId: string, records: ExportRecord[]): void;
  exportsFailed(datasetId: string, error: IpcError): void;
  /** A created export or a pushed change (`event:export`): inserted or replaced in its dataset. */
  exportChanged(record: ExportRecord): void;
  exportRemoved(datasetId: string, exportId: string): void;
  exportDownloadChanged(state: ExportDownloadState): void;
}

const EMPTY: DatasetExports = { records: [], loading: false, error: null };

/** Newest first, as the server lists them (ISO timestamps compare as strings). */
const byNewest = (a: ExportRecord, b: ExportRecord) =>
  a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0;

export const createExportsSlice: StateCreator<AppState, [], [], ExportsSlice> = (set) => ({
  exportsByDataset: {},
  exportDownloads: {},

  exportsLoading: (datasetId) =>
    set((state) => ({
      exportsByDataset: {
        ...state.exportsByDataset,
        [datasetId]: { ...(state.exportsByDataset[datasetId] ?? EMPTY), loading: true, error: null },
      },
    })),
  exportsLoaded: (datasetId, records) =>
    set((state) => ({
      exportsByDataset: {
        ...state.exportsByDataset,
        [datasetId]: { records: [...records].sort(byNewest), loading: false, error: null },
      },
    })),
  exportsFailed: (datasetId, error) =>
    set((state) => ({
      exportsByDataset: {
        ...state.exportsByDataset,
        [datasetId]: { ...(state.exportsByDataset[datasetId] ?? EMPTY), loading: false, error },
      },
    })),
  exportChanged: (record) =>
    set((state) => {
      const current = state.exportsByDataset[record.dataset_id] ?? EMPTY;
      const others = current.records.filter((r) => r.id !== record.id);
      return {
        exportsByDataset: {
          ...state.exportsByDataset,
          [record.dataset_id]: { ...current, records: [...others, record].sort(byNewest) },
        },
      };
    }),
  exportRemoved: (datasetId, exportId) =>
    set((state) => {
      const current = state.exportsByDataset[datasetId];
      if (!current) return {};
      const { [exportId]: _gone, ...downloads } = state.exportDownloads;
      return {
        exportsByDataset: {
          ...state.exportsByDataset,
          [datasetId]: { ...current, records: current.records.filter((r) => r.id !== exportId) },
        },
        exportDownloads: downloads,
      };
    }),
  exportDownloadChanged: (download) =>
    set((state) => {
      const current = state.exportDownloads[download.exportId];
      // One download per export at a time (the panel offers no second while one runs): while it
      // runs, another download's late event must not take its place.
      if (current && current.downloadId !== download.downloadId && current.state === 'running') return {};
      return { exportDownloads: { ...state.exportDownloads, [download.exportId]: download } };
    }),
});

export const selectDatasetExports =
  (datasetId: string) =>
  (state: AppState): DatasetExports =>
    state.exportsByDataset[datasetId] ?? EMPTY;

export const selectExportDownload =
  (exportId: string) =>
  (state: AppState): ExportDownloadState | undefined =>
    state.exportDownloads[exportId];
