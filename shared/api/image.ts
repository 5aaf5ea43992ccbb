import { z } from 'zod';
import { annotationSchema } from './annotation';
import { idSchema, imageStatusSchema, timestampSchema } from './common';

const imageMetaBase = z.looseObject({
  id: idSchema,
  dataset_id: idSchema,
  filename: z.string(),
  directory_path: z.string(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  file_size: z.number().int().nonnegative(),
  mime_type: z.string(),
  status: imageStatusSchema,
  annotation_count: z.number().int().nonnegative(),
  min_confidence: z
    .number()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  is_archived: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  thumbnail_url: z.string().optional(),
  annotations: z.array(annotationSchema).optional(),
});

/** Some deployments say `content_type` where the contract says `mime_type` (§12). */
export const imageMetaSchema = z.preprocess((raw) => {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    if (o.mime_type === undefined && typeof o.content_type === 'string') return { ...o, mime_type: o.content_type };
  }
  return raw;
}, imageMetaBase);
export type ImageMeta = z.infer<typeof imageMetaBase>;

export const imageDeleteResultSchema = z.looseObject({
  id: idSchema,
  archived: z.boolean(),
  deleted: z.boolean(),
});

export const uploadUrlResultSchema = z.looseObject({
  upload_id: idSchema,
  upload_url: z.string().url(),
  expires_at: timestampSchema.optional(),
});
