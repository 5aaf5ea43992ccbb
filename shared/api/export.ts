import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const EXPORT_FORMATS = ['pictograph', 'coco', 'yolo', 'pascal_voc', 'labelme', 'cvat', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportRecordSchema = z.looseObject({
  id: idSchema,
  dataset_id: idSchema,
  dataset_name: z.string(),
  name: z.string(),
  format: z.string(),
  include_images: z.boolean(),
  class_filter: z.array(z.string()).nullable(),
  status_filter: z.string().nullable(),
  status: z.string(),
  error_message: z.string().nullable(),
  file_size: z.number().int().nullable(),
  image_count: z.number().int().nullable(),
  annotation_count: z.number().int().nullable(),
  created_at: timestampSchema,
  completed_at: timestampSchema.nullable(),
  expires_at: timestampSchema.nullable(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const exportDownloadSchema = z.looseObject({
  download_url: z.string().url(),
  expires_at: timestampSchema.optional(),
});

export const EXPORT_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Statuses a pending export can still leave; the others are final. */
export const isExportFinal = (status: string): boolean => status === 'completed' || status === 'failed';

/**
 * A new export as the app asks for it (§8 `POST /exports/`), checked field by field before a
 * request is spent: name 1–100 characters and not blank, a known format, `classFilter` null or a
 * non-empty list (`[]` is 422 on the server), a known image status or null.
 */
export const exportCreateSchema = z.strictObject({
  datasetName: z.string().min(1, 'Choose a dataset.').max(1000),
  name: z
    .string()
    .min(1, 'Give the export a name.')
    .max(100, 'An export name has at most 100 characters.')
    .refine((name) => name.trim() !== '', 'An export name cannot be only spaces.'),
  format: z.enum(EXPORT_FORMATS),
  includeImages: z.boolean(),
  classFilter: z
    .array(z.string().min(1).max(120))
    .min(1, 'Pick at least one class, or export all classes.')
    .max(10_000)
    .nullable(),
  statusFilter: z.enum(['new', 'in_progress', 'complete']).nullable(),
});
export type ExportCreate = z.infer<typeof exportCreateSchema>;

/** The §8 body for an ExportCreate (wire names). */
export function exportCreateBody(request: ExportCreate): Record<string, unknown> {
  return {
    dataset_name: request.datasetName,
    name: request.name,
    format: request.format,
    include_images: request.includeImages,
    class_filter: request.classFilter,
    status_filter: request.statusFilter,
  };
}
