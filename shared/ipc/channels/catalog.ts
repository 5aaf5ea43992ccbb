import { z } from 'zod';
import type { ImageMeta } from '../../api';
import { IMAGE_STATUSES } from '../../api';
import { channel, event } from '../define';
import type { IpcError } from '../result';
import { emptyRequest, idArg, offsetArg } from '../schemas';

/**
 * The local catalog (issue 8): queries the API cannot answer (sort by lowest confidence, class
 * present, folder trees) run in main over `cache.db`, so the browser filters and sorts 100,000
 * images instantly and keeps working offline.
 */
export const CATALOG_SORTS = ['filename', 'confidence', 'annotations', 'updated'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const catalogQuerySchema = z.strictObject({
  /** Any of these statuses; absent or empty means all. */
  statuses: z.array(z.enum(IMAGE_STATUSES)).max(IMAGE_STATUSES.length).optional(),
  /** A folder as in `directory_path`, subfolders included; '' or absent means the whole dataset. */
  directory: z.string().max(1024).optional(),
  /** Case-insensitive substring of the filename. */
  filename: z.string().min(1).max(255).optional(),
  /** Images whose lowest confidence is below this (images without predictions never match). */
  confidenceBelow: z.number().finite().min(0).max(1).optional(),
  /** Images with at least one annotation of any of these classes (only images whose annotations are cached). */
  classNames: z.array(z.string().min(1).max(120)).max(200).optional(),
  /** 'confidence' ascending is "lowest confidence first"; images without a confidence sort last. */
  sort: z.enum(CATALOG_SORTS).default('filename'),
  descending: z.boolean().default(false),
});
export type CatalogQuery = z.input<typeof catalogQuerySchema>;

export const browseViewSchema = z.enum(['grid', 'list']);
export type BrowseView = z.infer<typeof browseViewSchema>;

/** What the browser remembers per dataset across restarts. */
export const browseStateSchema = z.strictObject({
  query: catalogQuerySchema,
  view: browseViewSchema,
});
export type BrowseState = z.input<typeof browseStateSchema>;

export interface CatalogIndexStatus {
  datasetId: string;
  /** idle: never indexed here; indexing: paging the API; ready: complete; error: the last try failed. */
  state: 'idle' | 'indexing' | 'ready' | 'error';
  indexed: number;
  /** The dataset's image count, when known. */
  total: number | null;
  /** When the last complete index finished (ISO), null before. */
  indexedAt: string | null;
  error: IpcError | null;
  /**
   * Added by the catalog: images the last index refused (a row the catalog will not store, such
   * as one claiming another dataset); absent or 0 when none.
   */
  skipped?: number;
}

export interface CatalogPage {
  items: ImageMeta[];
  /** How many images match the query in the catalog. */
  total: number;
  index: CatalogIndexStatus;
  /**
   * With a class filter: how many of the dataset's images have their annotation list on this
   * computer. The API cannot filter by class, so the filter looks at those only (docs/catalog.md).
   */
  annotationsKnown?: number;
}

export interface CatalogPosition {
  /** 0-based position of the image in the query's order, null when it does not match the query. */
  position: number | null;
  total: number;
  /** Up to `span` image ids before and after, nearest first (for next/previous and prefetch). */
  before: string[];
  after: string[];
}

export interface FolderCount {
  /** A `directory_path` as stored ('' for the dataset root). */
  path: string;
  /** Images directly in this folder. */
  count: number;
}

export interface CacheInfo {
  catalogBytes: number;
  blobBytes: number;
  limitBytes: number;
  /** Set when this start found the catalog corrupt, set it aside and rebuilt it. */
  rebuilt: { at: string; reason: string; setAsidePath: string } | null;
}

export const THEME_PREFERENCES = ['system', 'dark', 'light'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export interface Settings {
  theme: ThemePreference;
  /** The blob cache's size limit in bytes (default 5 GiB). */
  cacheLimitBytes: number;
  /** Shortcuts the user remapped (issue 9): action id → its keys; absent = the defaults. */
  keymap?: Keymap;
}

/** A shortcut as the action registry spells it: modifiers joined by '+', then one key ('Mod+Shift+z', 'F10', '+'). */
const SHORTCUT = /^(?:(?:Mod|Ctrl|Control|Meta|Cmd|Alt|Option|Shift)\+)*(?:[^+\s]|\+|[A-Za-z][A-Za-z0-9]{1,19}| )$/;
export const keymapSchema = z
  .record(
    z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+){1,3}$/)
      .max(80),
    z.array(z.string().max(40).regex(SHORTCUT)).max(4),
  )
  .refine((keymap) => Object.keys(keymap).length <= 300, 'at most 300 remapped actions')
  .superRefine((keymap, ctx) => {
    // One key, one action: a conflict is refused here too, not only in the settings dialog.
    const owner = new Map<string, string>();
    for (const [id, keys] of Object.entries(keymap)) {
      for (const key of keys) {
        const normal = key.toLowerCase();
        const other = owner.get(normal);
        if (other !== undefined && other !== id) {
          ctx.addIssue({ code: 'custom', path: [id], message: `${key} is already used by ${other}` });
        }
        owner.set(normal, id);
      }
    }
  });
export type Keymap = Record<string, string[]>;

const MIB = 1024 * 1024;
export const settingsPatchSchema = z.strictObject({
  theme: z.enum(THEME_PREFERENCES).optional(),
  cacheLimitBytes: z
    .number()
    .int()
    .min(256 * MIB)
    .max(1024 * 1024 * MIB)
    .optional(),
  keymap: keymapSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const catalogChannels = {
  'catalog:query': channel<CatalogPage>()(
    z.strictObject({
      datasetId: idArg,
      query: catalogQuerySchema,
      offset: offsetArg,
      limit: z.number().int().min(1).max(1000),
    }),
  ),
  'catalog:position': channel<CatalogPosition>()(
    z.strictObject({
      datasetId: idArg,
      query: catalogQuerySchema,
      imageId: idArg,
      span: z.number().int().min(1).max(10).default(2),
    }),
  ),
  'catalog:folders': channel<FolderCount[]>()(z.strictObject({ datasetId: idArg })),
  'catalog:status': channel<CatalogIndexStatus>()(z.strictObject({ datasetId: idArg })),
  /** Starts (or restarts with `force`) indexing in the background and answers at once. */
  'catalog:refresh': channel<CatalogIndexStatus>()(z.strictObject({ datasetId: idArg, force: z.boolean().optional() })),
  'catalog:cacheInfo': channel<CacheInfo>()(emptyRequest),
  /** Empties the cache except datasets available offline and whatever queued edits or conflicts need. */
  'catalog:clear': channel<CacheInfo>()(emptyRequest),
  'browse:getState': channel<BrowseState | null>()(z.strictObject({ datasetId: idArg })),
  'browse:saveState': channel<null>()(z.strictObject({ datasetId: idArg, state: browseStateSchema })),
  'settings:get': channel<Settings>()(emptyRequest),
  'settings:update': channel<Settings>()(settingsPatchSchema),
};

/**
 * Added by the catalog: what changed after a background revalidation or an index, so the renderer
 * refetches what it shows. `datasetId` null means the dataset list itself; `imageId` names the one
 * image whose metadata (`kind: 'images'`) or annotations (`kind: 'annotations'`) changed, absent
 * when a whole dataset's images may have changed (an index finished).
 */
export interface CatalogChange {
  datasetId: string | null;
  kind: 'datasets' | 'images' | 'annotations';
  imageId?: string;
}

export const catalogEvents = {
  /** Indexing progress, at most a few times a second per dataset, and once at the end. */
  'event:catalog-index': event<CatalogIndexStatus>(),
  'event:catalog-changed': event<CatalogChange>(),
};
