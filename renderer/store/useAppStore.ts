import { useStore } from 'zustand';
import type { AppState } from './appState';
import { createAppStore } from './appStore';
import type { Theme } from './uiSlice';

const THEME_KEY = 'pictograph.theme';

/**
 * Dark by default (design card: reviewers look at images for hours); the toggle's saved choice
 * wins. The OS preference is deliberately not followed: test browsers report "light" by default.
 */
function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    // Storage can be disabled; the default is fine.
  }
  return 'dark';
}

export const appStore = createAppStore(initialTheme());

appStore.subscribe((state, previous) => {
  if (state.theme === previous.theme) return;
  try {
    window.localStorage.setItem(THEME_KEY, state.theme);
  } catch {
    // Not persisting a theme is harmless.
  }
});

/** The one hook screens use, always with a narrow selector from ./selectors. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
