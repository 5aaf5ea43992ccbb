import type { EventName, EventPayload } from '../../shared/ipc';

/**
 * Pushes an event to every window (Electron) or page (harness). Services emit; electron/main and
 * the harness decide where it goes, so the type lives beside the services that call it.
 */
export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
