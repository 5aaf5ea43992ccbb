import type { ConnectionState } from '../../../shared/ipc';

const labels: Record<ConnectionState, string> = {
  connected: 'Connected',
  offline: 'Offline',
  connecting: 'Reconnecting…',
  'signed-out': 'Signed out',
  error: 'Connection problem',
};

/** A dot and a word: green connected, amber offline/reconnecting, red on error. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span className={`conn-badge conn-badge--${state}`} data-testid="shell.connectionState" data-state={state}>
      <span className="conn-badge__dot" aria-hidden="true" />
      {labels[state]}
    </span>
  );
}
