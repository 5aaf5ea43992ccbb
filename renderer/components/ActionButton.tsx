import type { ReactNode } from 'react';
import { formatShortcut } from '../actions/keys';
import { actionRegistry } from '../actions/registry';
import { useRegisteredActions } from '../actions/useRegisterActions';

/**
 * A toolbar button that runs a registered action: its label, shortcut hint and disabled state come
 * from the registry, so a button and its key can never disagree. Icon-only buttons still get the
 * action's label as their accessible name.
 */
export function ActionButton({
  actionId,
  children,
  className = 'btn btn--ghost btn--small',
  pressed,
  showLabel = false,
  testId,
}: {
  actionId: string;
  children?: ReactNode;
  className?: string;
  pressed?: boolean;
  showLabel?: boolean;
  testId?: string;
}) {
  const action = useRegisteredActions().find((candidate) => candidate.id === actionId);
  const label = action?.label ?? actionId;
  const shortcut = action?.keys[0] ? formatShortcut(action.keys[0], actionRegistry.isMac) : null;
  const enabled = action ? actionRegistry.isEnabled(action) : false;
  return (
    <button
      type="button"
      className={className}
      onClick={() => actionRegistry.run(actionId)}
      disabled={!enabled}
      aria-label={showLabel ? undefined : label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-testid={testId ?? `action.${actionId}`}
    >
      {children}
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}
