import { useStore } from 'zustand';
import type { ThemePreference } from '../../shared/ipc';
import { THEME_PREFERENCES } from '../../shared/ipc';
import type { AppState } from './appState';
import { createAppStore } from './appStore';
import type { Theme } from './uiSlice';

/**
 * A mirror of the persisted preference (main's `settings` is the truth): read synchronously at
 * start so the first frame already has the right theme instead of flashing the other one.
 */
export const THEME_KEY = 'pictograph.theme';

function savedPreference(): ThemePreference {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if ((THEME_PREFERENCES as readonly string[]).includes(saved ?? '')) return saved as ThemePreference;
  } catch {
    // Storage can be disabled; following the OS is fine.
  }
  return 'system';
}

/** The OS's choice; dark when it says nothing (reviewers look at images for hours). */
export function systemTheme(): Theme {
  try {
    return window.matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

export const appStore = createAppStore(systemTheme(), savedPreference());

appStore.subscribe((state, previous) => {
  if (state.themePreference === previous.themePreference) return;
  try {
    window.localStorage.setItem(THEME_KEY, state.themePreference);
  } catch {
    // Not mirroring a theme is harmless: main keeps the setting.
  }
});

/** The one hook screens use, always with a narrow selector from ./selectors. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
