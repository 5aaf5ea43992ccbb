import type { StateCreator } from 'zustand';
import type { AppState } from './appState';

export type Theme = 'dark' | 'light';

/** Where the signed-in shell is. The connect screen is not a route: it follows the connection state. */
export type ShellScreen =
  { name: 'datasets' } | { name: 'dataset'; datasetId: string } | { name: 'image'; datasetId: string; imageId: string };

export interface UiSlice {
  theme: Theme;
  screen: ShellScreen;

  themeChanged(theme: Theme): void;
  themeToggled(): void;
  datasetOpened(datasetId: string): void;
  imageOpened(datasetId: string, imageId: string): void;
  datasetsShown(): void;
}

export const createUiSlice =
  (initialTheme: Theme): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    theme: initialTheme,
    screen: { name: 'datasets' },

    themeChanged: (theme) => set({ theme }),
    themeToggled: () => set((state) => ({ theme: state.theme === 'dark' ? 'light' : 'dark' })),
    datasetOpened: (datasetId) => set({ screen: { name: 'dataset', datasetId } }),
    imageOpened: (datasetId, imageId) => set({ screen: { name: 'image', datasetId, imageId } }),
    datasetsShown: () => set({ screen: { name: 'datasets' } }),
  });
