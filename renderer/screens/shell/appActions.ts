import type { Action } from '../../actions/types';

/** Commands that work on every screen; App registers them for its whole life. */
export function appActions(deps: { toggleTheme(): void; toggleShortcuts(): void }): Action[] {
  return [
    {
      id: 'app.theme',
      label: 'Switch between dark and light theme',
      group: 'View',
      keys: ['Shift+T'],
      run: deps.toggleTheme,
    },
    // '?' is Shift+/ on US keys and its own key elsewhere: the bare symbol matches either way.
    { id: 'app.shortcuts', label: 'Show keyboard shortcuts', group: 'Help', keys: ['?'], run: deps.toggleShortcuts },
  ];
}
