import { useAppStore } from '../store/useAppStore';
import { selectTheme } from '../store/selectors';
import { MoonIcon, SunIcon } from './icons';

export function ThemeToggle() {
  const theme = useAppStore(selectTheme);
  const toggle = useAppStore((state) => state.themeToggled);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      onClick={toggle}
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme`}
      data-testid="theme.toggle"
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
