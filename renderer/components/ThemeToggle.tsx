import { actionRegistry } from '../actions/registry';
import { useAppStore } from '../store/useAppStore';
import { selectTheme } from '../store/selectors';
import { MoonIcon, SunIcon } from './icons';

export function ThemeToggle() {
  const theme = useAppStore(selectTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      // Through the registry (app.theme), like the Shift+T shortcut: one path that persists the choice.
      onClick={() => actionRegistry.run('app.theme')}
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme (Shift+T)`}
      data-testid="theme.toggle"
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
