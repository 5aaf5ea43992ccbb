import type { StateCreator } from 'zustand';
import type { Dataset } from '../../shared/api';
import type { IpcError } from '../../shared/ipc';
import type { AppState } from './appState';

export interface DatasetsSlice {
  /** null until the first successful load; kept while a refresh runs so the list never blanks. */
  datasets: Dataset[] | null;
  datasetsLoading: boolean;
  datasetsError: IpcError | null;
  /** Bumped by each request; answers carrying an older token are dropped (a slow first load must
   *  not overwrite a newer refresh, nor a load from before sign-out refill the list). */
  datasetsRequestToken: number;

  datasetsRequested(): number;
  datasetsLoaded(token: number, datasets: Dataset[]): void;
  datasetsFailed(token: number, error: IpcError): void;
  datasetsCleared(): void;
}

export const createDatasetsSlice: StateCreator<AppState, [], [], DatasetsSlice> = (set, get) => ({
  datasets: null,
  datasetsLoading: false,
  datasetsError: null,
  datasetsRequestToken: 0,

  datasetsRequested: () => {
    const token = get().datasetsRequestToken + 1;
    set({ datasetsRequestToken: token, datasetsLoading: true, datasetsError: null });
    return token;
  },

  datasetsLoaded: (token, datasets) => {
    if (token !== get().datasetsRequestToken) return;
    set({ datasets, datasetsLoading: false, datasetsError: null });
  },

  datasetsFailed: (token, error) => {
    if (token !== get().datasetsRequestToken) return;
    set({ datasetsLoading: false, datasetsError: error });
  },

  datasetsCleared: () =>
    set((state) => ({
      datasets: null,
      datasetsLoading: false,
      datasetsError: null,
      datasetsRequestToken: state.datasetsRequestToken + 1,
    })),
});
