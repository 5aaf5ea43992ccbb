import type { Action } from './types';

/** Help-menu commands of the desktop shell; App registers them for its whole life. */
export function desktopActions(deps: { copyDiagnostics(): void }): Action[] {
  return [
    {
      id: 'app.copyDiagnostics',
      label: 'Copy diagnostics',
      group: 'Help',
      keys: [],
      run: deps.copyDiagnostics,
    },
  ];
}
