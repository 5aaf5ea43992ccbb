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
