import type { ThemePreference } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import type { AppStore } from '../appStore';

/**
 * Keeps the theme true: follows the OS's `prefers-color-scheme` while the preference is 'system',
 * and adopts the preference main saved (settings) once it answers. Returns the stop function.
 */
export function startThemeSync(store: AppStore): () => void {
  let live = true;
  let media: MediaQueryList | null = null;
  const onChange = (event: MediaQueryListEvent) =>
    store.getState().systemThemeChanged(event.matches ? 'light' : 'dark');
  try {
    media = window.matchMedia('(prefers-color-scheme: light)');
    store.getState().systemThemeChanged(media.matches ? 'light' : 'dark');
    media.addEventListener('change', onChange);
  } catch {
    media = null;
  }
  void callApi((api) => api.settings.get()).then((result) => {
    // A failure leaves the local mirror in charge; nothing to tell the user about.
    if (live && result.ok) store.getState().themePreferenceChanged(result.value.theme);
  });
  return () => {
    live = false;
    media?.removeEventListener('change', onChange);
  };
}

/** Sets the preference now and persists it in main; a failed save is told, the theme stays. */
export async function saveThemePreference(store: AppStore, preference: ThemePreference): Promise<void> {
  store.getState().themePreferenceChanged(preference);
  const result = await callApi((api) => api.settings.update({ theme: preference }));
  if (!result.ok) store.getState().toastShown('The theme could not be saved', result.error);
}

/** The toggle: the other theme than the one on screen, kept across restarts. */
export function toggleTheme(store: AppStore): Promise<void> {
  return saveThemePreference(store, store.getState().theme === 'dark' ? 'light' : 'dark');
}
