import type { EventName, EventPayload } from '../../../shared/ipc';

/**
 * Which pushed events deserve an OS notification (issue 12 item 3): an export became ready, or
 * sync could not send (a refused save, a new conflict, the outbox cannot be written). Pure and
 * stateful only in what it has already told, so the same record pushed again is not told twice.
 * The glue shows it only while no window of ours has focus: the app's own toasts cover the rest.
 */
export interface DesktopNote {
  title: string;
  body: string;
}

export interface NotificationMemory {
  exportsTold: Set<string>;
  failed: number;
  conflicts: number;
  outboxUnavailable: boolean;
}

export const freshNotificationMemory = (): NotificationMemory => ({
  exportsTold: new Set(),
  failed: 0,
  conflicts: 0,
  outboxUnavailable: false,
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function notificationFor(name: EventName, payload: unknown, memory: NotificationMemory): DesktopNote | null {
  if (typeof payload !== 'object' || payload === null) return null;
  if (name === 'event:export') {
    const record = payload as EventPayload<'event:export'>;
    if (record.status !== 'completed' || memory.exportsTold.has(record.id)) return null;
    memory.exportsTold.add(record.id);
    return { title: 'Export ready', body: `"${record.name}" of ${record.dataset_name} can be downloaded.` };
  }
  if (name !== 'event:sync') return null;
  const status = payload as EventPayload<'event:sync'>;
  const before = { ...memory };
  memory.failed = status.failed;
  memory.conflicts = status.conflicts;
  memory.outboxUnavailable = status.outboxUnavailable;
  if (status.outboxUnavailable && !before.outboxUnavailable) {
    return {
      title: 'Edits cannot be saved',
      body: 'The app cannot write its data folder (full or read-only): new edits are refused until it can.',
    };
  }
  if (status.failed > before.failed) {
    const why = status.lastError?.message ? ` ${status.lastError.message}` : '';
    return {
      title: 'Sync failed',
      body: `${plural(status.failed, 'change was', 'changes were')} refused by the server and kept on this computer.${why}`,
    };
  }
  if (status.conflicts > before.conflicts) {
    return {
      title: 'Sync needs you',
      body: `${plural(status.conflicts, "image's edits conflict", "images' edits conflict")} with a colleague's: open Sync to choose.`,
    };
  }
  return null;
}
