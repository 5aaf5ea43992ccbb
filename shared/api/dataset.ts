import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const datasetClassSchema = z.looseObject({
  name: z.string().min(1),
  color: z.string(),
  // Unknown annotation types are tolerated: a class is still displayable without one.
  type: z.string().nullish(),
});
export type DatasetClass = z.infer<typeof datasetClassSchema>;

export const datasetSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  description: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  image_count: z.number().int().nonnegative(),
  completed_image_count: z.number().int().nonnegative(),
  annotation_count: z.number().int().nonnegative(),
  annotation_types: z.array(z.string()),
  classes: z.array(datasetClassSchema),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Dataset = z.infer<typeof datasetSchema>;

export const downloadItemSchema = z.looseObject({
  id: idSchema,
  filename: z.string(),
  directory_path: z.string(),
  file_size: z.number().int().nonnegative(),
  annotation_count: z.number().int().nonnegative(),
  status: z.string(),
  image_url: z.string().nullable(),
  annotation_url: z.string().nullable(),
});
export type DownloadItem = z.infer<typeof downloadItemSchema>;

export const downloadListingSchema = z.looseObject({
  dataset_id: idSchema,
  total_items: z.number().int().nonnegative(),
  truncated: z.boolean(),
  items: z.array(downloadItemSchema),
});
export type DownloadListing = z.infer<typeof downloadListingSchema>;
