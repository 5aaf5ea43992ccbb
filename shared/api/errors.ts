import { z } from 'zod';

/** The contract's flat error body (§2). */
export const flatErrorSchema = z.looseObject({
  error: z.string(),
  message: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  retry_after: z.number().optional(),
});

/** Compatibility shapes hosted deployments send (§12). */
export const nestedErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export const detailStringSchema = z.looseObject({ detail: z.string() });
export const detailListSchema = z.looseObject({
  detail: z.array(z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })),
});

/** One 422 problem, attached to an annotation index and field where the server says which. */
export interface ValidationProblem {
  index?: number;
  field?: string;
  message: string;
}
