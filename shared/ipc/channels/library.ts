import { z } from 'zod';
import { MAX_ANNOTATION_ID_LENGTH, MAX_ANNOTATIONS_PER_IMAGE } from '../../annotations/limits';
import type { Annotation, Dataset, ImageMeta } from '../../api';
import { channel, event } from '../define';
import { emptyRequest, idArg, limitArg, offsetArg } from '../schemas';

export const imageFiltersSchema = z.strictObject({
  status: z.enum(['new', 'in_progress', 'complete']).optional(),
  directoryPath: z.string().min(1).max(1024).optional(),
  filename: z.string().min(1).max(255).optional(),
  minConfidenceLt: z.number().finite().min(0).max(1).optional(),
  includeArchived: z.boolean().optional(),
});
export type ImageFilters = z.infer<typeof imageFiltersSchema>;

export interface ImagePage {
  items: ImageMeta[];
  /** X-Total-Count, or counted by paging where the server lacks it (§13.9). */
  total: number;
}

export interface AnnotationsDoc {
  imageId: string;
  annotations: Annotation[];
  /** The ETag to send back as If-Match; null when the server sends none (§13.4). */
  etag: string | null;
  /**
   * Added by the outbox (issue 10): set when this computer holds edits the server does not have
   * yet — `annotations` are then the user's latest ('queued'), or their side of an unresolved
   * conflict ('conflict'), and `etag` the server state those edits are based on.
   */
  local?: 'queued' | 'conflict';
  /**
   * Unsaved edits main kept for this image (a draft the editor stashed before its window went
   * away, which could not be queued as a save): the editor opens them on top of `annotations`,
   * unsaved, and `etag` is the state they are based on.
   */
  draft?: Annotation[];
}

/**
 * A save is acknowledged only once it is durable on this computer (the outbox, issue 10); `synced`
 * says whether the server has it too. `state`: 'synced' on the server; 'queued' on this computer,
 * sent when possible; 'conflict' a colleague changed the same annotations (see sync:conflicts).
 * `previousCount`, `status` and `etag` are the server's answer, null until it has answered.
 */
export interface SaveResult {
  imageId: string;
  durable: true;
  synced: boolean;
  state: 'synced' | 'queued' | 'conflict';
  /** The server had moved on and this save was merged with a colleague's edit (reload to see theirs). */
  merged: boolean;
  previousCount: number | null;
  newCount: number;
  status: string | null;
  etag: string | null;
}

export interface ReviewResult {
  imageId: string;
  status: string;
  /** True when the server lacks the review route and the decision is kept locally (§13.9). */
  storedLocally: boolean;
  /** Added by the outbox: present (true) when the decision waits on this computer to be sent. */
  queued?: true;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix milliseconds when the oldest counted request leaves the window. */
  resetAt: number;
  /** When these numbers were read (Unix ms). */
  observedAt: number;
}

const finite = z.number().finite();
const pointArg = z.strictObject({ x: finite, y: finite });
/**
 * An annotation from the editor. Unknown fields are kept (they must round-trip); known geometry is
 * checked strictly here and fully against §7.3 by main before saving.
 */
export const annotationArg = z.looseObject({
  id: z.string().trim().min(1).max(MAX_ANNOTATION_ID_LENGTH),
  name: z.string().min(1).max(120),
  type: z.string().min(1).max(32),
  // Geometry before the box, as the server orders keys (§7.3): zod outputs keys in this order.
  polygon: z.strictObject({ paths: z.array(z.array(pointArg).max(100_000)).max(1_000) }).optional(),
  polyline: z.strictObject({ path: z.array(pointArg).max(100_000) }).optional(),
  keypoint: pointArg.optional(),
  bounding_box: z.strictObject({ x: finite, y: finite, w: finite, h: finite }).optional(),
  confidence: finite.min(0).max(1).nullable().optional(),
});

export const libraryChannels = {
  'datasets:list': channel<Dataset[]>()(
    /** `refresh`: the user asked — ask the server now and fail visibly (else the catalog answers at once). */
    z.strictObject({ refresh: z.boolean().optional() }),
  ),
  'datasets:get': channel<Dataset>()(z.strictObject({ datasetId: idArg })),
  'images:page': channel<ImagePage>()(
    z.strictObject({
      datasetId: idArg,
      limit: limitArg,
      offset: offsetArg,
      filters: imageFiltersSchema.optional(),
    }),
  ),
  'images:metadata': channel<ImageMeta>()(z.strictObject({ imageId: idArg })),
  'annotations:get': channel<AnnotationsDoc>()(z.strictObject({ imageId: idArg })),
  'annotations:save': channel<SaveResult>()(
    z.strictObject({
      imageId: idArg,
      annotations: z.array(annotationArg).max(MAX_ANNOTATIONS_PER_IMAGE),
      /** The ETag the edit was based on; null forces last-write-wins (the user chose overwrite). */
      ifMatch: z.string().max(256).nullable(),
      /** The editor's draft stash this list is (drafts:stash): main forgets it once the save is durable. */
      draftSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    }),
  ),
  'review:submit': channel<ReviewResult>()(
    z.strictObject({
      imageId: idArg,
      action: z.enum(['approve', 'request_changes']),
      note: z.string().max(2000).optional(),
    }),
  ),
  'media:url': channel<{ url: string }>()(z.strictObject({ imageId: idArg, variant: z.enum(['full', 'thumbnail']) })),
  'rateLimit:get': channel<RateLimitState | null>()(emptyRequest),
};

export const libraryEvents = {
  'event:rate-limit': event<RateLimitState>(),
};
