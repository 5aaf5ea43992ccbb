import { z } from 'zod';
import { channel, event } from '../define';
import { emptyRequest } from '../schemas';

/**
 * The desktop's native surfaces fed by the renderer (issue 12 item 3): the application menu is
 * built in main from the descriptors of the renderer's registered actions, a menu click comes back
 * as `event:menu-action`, and a `pictograph-review://open?…` link as `event:open-image`.
 */
export const ACTION_GROUPS = ['File', 'Edit', 'View', 'Go', 'Image', 'Help'] as const;

/** Action ids are `area.verb` words ('viewer.next'): nothing that could smuggle markup or a path. */
export const actionIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/, 'an action id is words joined by dots');

export const actionDescriptorSchema = z.strictObject({
  id: actionIdSchema,
  label: z.string().trim().min(1).max(200),
  group: z.enum(ACTION_GROUPS),
  /** Shortcut strings as the registry has them; main keeps those Electron can show. */
  keys: z.array(z.string().min(1).max(40)).max(8),
  enabled: z.boolean(),
});
export type ActionDescriptor = z.output<typeof actionDescriptorSchema>;

/** Far above what the app registers (a few dozen): a bigger list is a broken or hostile renderer. */
export const MAX_MENU_ACTIONS = 400;

/** The image a deep link names (ids have the contract's shape: lowercase UUID v4). */
export interface OpenImageTarget {
  datasetId: string;
  imageId: string;
}

export const desktopChannels = {
  /** The renderer's current actions (debounced on every change): main rebuilds the application menu. */
  'menu:setActions': channel<{ items: number }>()(
    z.strictObject({
      actions: z
        .array(actionDescriptorSchema)
        .max(MAX_MENU_ACTIONS)
        .refine((actions) => new Set(actions.map((a) => a.id)).size === actions.length, 'action ids must be unique'),
    }),
  ),
  /**
   * The deep link that started (or reached) the app before the renderer listened, at most once; from
   * this call on, links arrive as `event:open-image`.
   */
  'deepLink:take': channel<OpenImageTarget | null>()(emptyRequest),
  /**
   * Help → "Copy diagnostics": main builds the report (the same as `app:diagnostics`, key redacted)
   * and puts it on the clipboard itself. The renderer cannot: the session denies every permission,
   * clipboard writes included, and a menu click is no user gesture in the page. No channel takes
   * text to copy, so a compromised renderer cannot fill the clipboard with its own.
   */
  'clipboard:copyDiagnostics': channel<{ copied: true; characters: number }>()(emptyRequest),
};

export const desktopEvents = {
  /** A click in the application menu: the renderer runs that action through its registry. */
  'event:menu-action': event<{ id: string }>(),
  'event:open-image': event<OpenImageTarget>(),
};
