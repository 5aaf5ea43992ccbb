import { z } from 'zod';
import { idSchema, roleSchema, timestampSchema } from './common';

export const apiKeyRecordSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  key_prefix: z.string(),
  role: roleSchema,
  rate_limit: z.number().int().positive(),
  is_active: z.boolean(),
  last_used_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  expires_at: timestampSchema.nullable(),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

export * from './keyFormat';
export * from './cloud';
