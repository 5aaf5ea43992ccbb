import { z } from 'zod';

/** Ids are opaque non-empty strings to the client (contract §13.10), UUIDs on the wire today. */
export const idSchema = z.string().min(1).max(256);

/** Timestamps may carry any fraction and offset (§13.10); we keep the text and parse on display. */
export const timestampSchema = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a timestamp');

/** Known image statuses. Hosted deployments may send others (§12): those pass through verbatim. */
export const IMAGE_STATUSES = ['new', 'in_progress', 'complete'] as const;
export type KnownImageStatus = (typeof IMAGE_STATUSES)[number];
export const imageStatusSchema = z.string().min(1).max(64);
export type ImageStatus = KnownImageStatus | (string & {});

/** How an image status reads in the UI: `annotate`/`review` are in progress (§12). */
export function displayStatus(status: string): KnownImageStatus | string {
  if (status === 'annotate' || status === 'review') return 'in_progress';
  return status;
}

export const ANNOTATION_TYPES = ['bbox', 'polygon', 'polyline', 'keypoint'] as const;
export type AnnotationType = (typeof ANNOTATION_TYPES)[number];
export const annotationTypeSchema = z.enum(ANNOTATION_TYPES);

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
