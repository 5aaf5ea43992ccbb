import type { StateCreator } from 'zustand';
import type { ThemePreference } from '../../shared/ipc';
import type { AppState } from './appState';

export type Theme = 'dark' | 'light';

/** Where the signed-in shell is. The connect screen is not a route: it follows the connection state. */
export type ShellScreen =
  { name: 'datasets' } | { name: 'dataset'; datasetId: string } | { name: 'image'; datasetId: string; imageId: string };

export interface UiSlice {
  /** The theme on screen: the preference, or the OS's when the preference is 'system'. */
  theme: Theme;
  themePreference: ThemePreference;
  /** What the OS asks for (`prefers-color-scheme`). */
  systemTheme: Theme;
  screen: ShellScreen;

  /** A fixed theme (also used by the toggle). */
  themeChanged(theme: Theme): void;
  themePreferenceChanged(preference: ThemePreference): void;
  systemThemeChanged(theme: Theme): void;
  /** Switches to the other theme than the one on screen, as a fixed preference. */
  themeToggled(): void;
  datasetOpened(datasetId: string): void;
  imageOpened(datasetId: string, imageId: string): void;
  datasetsShown(): void;
}

export const effectiveTheme = (preference: ThemePreference, system: Theme): Theme =>
  preference === 'system' ? system : preference;

export const createUiSlice =
  (initialSystemTheme: Theme, initialPreference: ThemePreference = 'system'): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    theme: effectiveTheme(initialPreference, initialSystemTheme),
    themePreference: initialPreference,
    systemTheme: initialSystemTheme,
    screen: { name: 'datasets' },

    themeChanged: (theme) => set({ themePreference: theme, theme }),
    themePreferenceChanged: (preference) =>
      set((state) => ({ themePreference: preference, theme: effectiveTheme(preference, state.systemTheme) })),
    systemThemeChanged: (system) =>
      set((state) => ({ systemTheme: system, theme: effectiveTheme(state.themePreference, system) })),
    themeToggled: () =>
      set((state) => {
        const next: Theme = state.theme === 'dark' ? 'light' : 'dark';
        return { themePreference: next, theme: next };
      }),
    datasetOpened: (datasetId) => set({ screen: { name: 'dataset', datasetId } }),
    imageOpened: (datasetId, imageId) => set({ screen: { name: 'image', datasetId, imageId } }),
    datasetsShown: () => set({ screen: { name: 'datasets' } }),
  });
