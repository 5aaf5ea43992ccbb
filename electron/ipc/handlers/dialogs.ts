import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { ExportRecord } from '../../../shared/api';
import { ok } from '../../../shared/ipc';
import type { PickPurpose } from '../../../shared/ipc';
import { AppError } from '../../services/errors';
import type { HandlerMap } from '../types';

type DialogChannel = 'dialog:pickFolder' | 'dialog:pickFiles' | 'shell:showItem';

/**
 * What the desktop offers main: native pickers, the file manager and OS notifications. Electron's
 * `dialog`, `shell` and `Notification` in electron/main/desktop.ts; the browser harness answers
 * from its launch options and records the rest. The handlers below never trust what comes back.
 */
export interface DesktopHooks {
  /** The chosen folder, or null when cancelled. */
  pickFolder(purpose: PickPurpose): Promise<string | null>;
  /** The chosen files, or null when cancelled. */
  pickFiles(): Promise<string[] | null>;
  showItem(path: string): void;
  notify(note: { title: string; body: string }): void;
}

/** A desktop without any of these (unit tests, a core built without hooks): every pick is cancelled. */
export const NO_DESKTOP: DesktopHooks = {
  pickFolder: () => Promise.resolve(null),
  pickFiles: () => Promise.resolve(null),
  showItem: () => {},
  notify: () => {},
};

export interface DialogDeps {
  desktop: DesktopHooks;
  /** Files this run of the app wrote (completed export downloads): the only ones it may reveal. */
  downloadedPaths(): Iterable<string>;
}

/** Only absolute paths leave a picker: a relative one would be resolved against main's cwd. */
const absolute = (path: unknown): path is string => typeof path === 'string' && path !== '' && isAbsolute(path);

/**
 * Pickers and "show in folder". A picked path is only a suggestion: the export and upload services
 * check it again (exists, is a folder, inside which they write). `shell:showItem` opens nothing the
 * app did not download itself, so a compromised renderer cannot use it to probe or launch files.
 */
export function createDialogHandlers({ desktop, downloadedPaths }: DialogDeps): Pick<HandlerMap, DialogChannel> {
  return {
    'dialog:pickFolder': async ({ purpose }) => {
      const path = await desktop.pickFolder(purpose);
      return ok(absolute(path) ? { path } : null);
    },
    'dialog:pickFiles': async () => {
      const paths = (await desktop.pickFiles())?.filter(absolute) ?? [];
      return ok(paths.length > 0 ? { paths } : null);
    },
    'shell:showItem': async ({ path }) => {
      const wanted = resolve(path);
      const known = [...downloadedPaths()].some((p) => resolve(p) === wanted);
      if (!isAbsolute(path) || !known) {
        throw new AppError({
          code: 'forbidden',
          message: 'Only files this app downloaded can be shown in their folder.',
        });
      }
      const found = await stat(wanted).catch(() => null);
      if (!found?.isFile()) {
        throw new AppError({ code: 'not_found', message: `${wanted} is no longer there: it was moved or deleted.` });
      }
      desktop.showItem(wanted);
      return ok({ shown: true as const });
    },
  };
}

/**
 * Tells the OS when a followed export is ready (the app shows its own toast too). Once per
 * export, however many times its record is pushed.
 */
export function exportReadyNotifier(desktop: DesktopHooks): (record: ExportRecord) => void {
  const told = new Set<string>();
  return (record) => {
    if (record.status !== 'completed' || told.has(record.id)) return;
    told.add(record.id);
    desktop.notify({ title: 'Export ready', body: `"${record.name}" of ${record.dataset_name} can be downloaded.` });
  };
}
