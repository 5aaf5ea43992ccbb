import type { Dataset } from '../../shared/api';
import type { AppState } from './appState';

/** Which top-level view to show; a pure function of the connection state. */
export type TopLevelView = 'starting' | 'connect' | 'shell';

export function selectTopLevelView(state: AppState): TopLevelView {
  const status = state.status;
  if (status === null) return 'starting';
  if (status.state === 'connected' || status.state === 'offline') return 'shell';
  // Main may resume a stored profile on its own at start-up; show progress, not an idle form.
  if (status.state === 'connecting' && state.pending === null) return 'starting';
  return 'connect';
}

export const selectStatus = (state: AppState) => state.status;
export const selectProfiles = (state: AppState) => state.profiles;
export const selectPending = (state: AppState) => state.pending;
export const selectLastError = (state: AppState) => state.lastError;
export const selectRateLimit = (state: AppState) => state.rateLimit;
export const selectTheme = (state: AppState) => state.theme;
export const selectScreen = (state: AppState) => state.screen;
export const selectDatasets = (state: AppState) => state.datasets;
export const selectDatasetsLoading = (state: AppState) => state.datasetsLoading;
export const selectDatasetsError = (state: AppState) => state.datasetsError;
export const selectKeyStorage = (state: AppState) => state.status?.keyStorage ?? null;

/** The dataset the shell has open, if it is in the loaded list. */
export function selectOpenDataset(state: AppState): Dataset | null {
  const screen = state.screen;
  if (screen.name === 'datasets') return null;
  return state.datasets?.find((dataset) => dataset.id === screen.datasetId) ?? null;
}
export const selectLastAttempt = (state: AppState) => state.lastAttempt;
export const selectPendingSince = (state: AppState) => state.pendingSince;
