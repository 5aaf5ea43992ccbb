import { z } from 'zod';
import { channel } from '../define';

/**
 * The desktop's own dialogs and file manager (issue 11): a folder or files the user picks for an
 * export download or an upload, and "show in folder" for a download. Main owns these (Electron's
 * `dialog`/`shell` in electron/main; the harness answers from its launch options), so the renderer
 * never names a path it did not get from the user or from main.
 */
export const PICK_PURPOSES = ['export', 'upload'] as const;
export type PickPurpose = (typeof PICK_PURPOSES)[number];

/** What a picker answers: the chosen path(s), or null when the user cancelled. */
export type PickedFolder = { path: string } | null;
export type PickedFiles = { paths: string[] } | null;

/**
 * The preload's helper beside the channels (not a channel: Electron 45 gives a dropped `File`'s
 * absolute path only to the preload, through `webUtils.getPathForFile`). '' for a file that has no
 * path on disk (made in the page, dragged from another app). The harness maps names to test paths.
 */
export interface FilePathsBridge {
  pathsOf(files: readonly object[]): string[];
}

export const dialogsChannels = {
  'dialog:pickFolder': channel<PickedFolder>()(z.strictObject({ purpose: z.enum(PICK_PURPOSES) })),
  /** Image files to upload (several at once); folders come through `dialog:pickFolder`. */
  'dialog:pickFiles': channel<PickedFiles>()(z.strictObject({ purpose: z.literal('upload') })),
  /**
   * Reveals a file in the OS file manager. Only files this run of the app downloaded: anything else
   * is `forbidden` (the renderer must not be able to probe or open arbitrary paths).
   */
  'shell:showItem': channel<{ shown: true }>()(z.strictObject({ path: z.string().min(1).max(4096) })),
} as const;
