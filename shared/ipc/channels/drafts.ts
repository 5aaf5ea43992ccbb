import { z } from 'zod';
import { MAX_ANNOTATION_ID_LENGTH, MAX_ANNOTATIONS_PER_IMAGE } from '../../annotations/limits';
import { channel } from '../define';
import { idArg } from '../schemas';
import { annotationArg } from './library';

const annotationId = z.string().trim().min(1).max(MAX_ANNOTATION_ID_LENGTH);

/**
 * The editor's unsaved state of one image, kept in main after every committed step so a renderer
 * crash loses nothing (docs/offline.md, "Drafts"). 'dirty' carries either the whole list (`full`,
 * the first step of an image) or what changed since the stash numbered `after` — the records put
 * or removed by id, and the id order when it changed — so a step on a 10,000-annotation image
 * crosses as one record, not the list. 'clean' says the server or outbox has it all: forget it.
 */
export const draftStashSchema = z.discriminatedUnion('state', [
  z.strictObject({ imageId: idArg, state: z.literal('clean') }),
  z
    .strictObject({
      imageId: idArg,
      state: z.literal('dirty'),
      seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      /** The ETag the edits are based on (the save's If-Match); null when the server sent none. */
      baseEtag: z.string().max(256).nullable(),
      full: z.array(annotationArg).max(MAX_ANNOTATIONS_PER_IMAGE).optional(),
      after: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      changes: z
        .array(z.strictObject({ id: annotationId, record: annotationArg.nullable() }))
        .max(MAX_ANNOTATIONS_PER_IMAGE * 2)
        .optional(),
      order: z.array(annotationId).max(MAX_ANNOTATIONS_PER_IMAGE).optional(),
    })
    .refine((s) => (s.full !== undefined) !== (s.after !== undefined && s.changes !== undefined), {
      message: 'a dirty draft carries either `full` or both `after` and `changes`',
    })
    .refine((s) => s.after === undefined || s.after < s.seq, { message: '`after` must be an earlier stash' }),
]);
export type DraftStash = z.output<typeof draftStashSchema>;

/** `needFull`: main has no draft numbered `after` (a restart, or one it refused): send the whole list. */
export interface DraftStashResult {
  kept: boolean;
  needFull: boolean;
}

export const draftsChannels = {
  'drafts:stash': channel<DraftStashResult>()(draftStashSchema),
};
