import { z } from 'zod';

/**
 * Wire shapes of §7.3. Decoding is tolerant of what we don't understand: unknown fields on an
 * annotation are kept verbatim (saves are full overwrites, so dropping one destroys data), and an
 * annotation of an unknown type is carried as-is. Geometry we do understand must be well formed.
 */
const finite = z.number().finite();
export const pointSchema = z.object({ x: finite, y: finite });
export type Point = z.infer<typeof pointSchema>;

export const boundingBoxSchema = z.object({ x: finite, y: finite, w: finite, h: finite });
export type BoundingBox = z.infer<typeof boundingBoxSchema>;

export const polygonGeometrySchema = z.object({ paths: z.array(z.array(pointSchema)) });
export const polylineGeometrySchema = z.object({ path: z.array(pointSchema) });

export const annotationSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  type: z.string().min(1),
  // Geometry before the box: the server's canonical key order (§7.3), so a decoded list goes back byte-identical.
  polygon: polygonGeometrySchema.optional(),
  polyline: polylineGeometrySchema.optional(),
  keypoint: pointSchema.optional(),
  bounding_box: boundingBoxSchema.optional(),
  confidence: z.number().min(0).max(1).nullish(),
  created_by: z.string().nullish(),
  attributes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export const annotationListSchema = z.looseObject({
  image_id: z.string().min(1),
  annotations: z.array(annotationSchema),
});
export type AnnotationList = z.infer<typeof annotationListSchema>;

export const saveAnnotationsResultSchema = z.looseObject({
  image_id: z.string().min(1),
  previous_count: z.number().int().nonnegative(),
  new_count: z.number().int().nonnegative(),
  status: z.string(),
});
export type SaveAnnotationsResult = z.infer<typeof saveAnnotationsResultSchema>;

export const deleteAnnotationsResultSchema = z.looseObject({
  image_id: z.string().min(1),
  deleted_count: z.number().int().nonnegative(),
});
