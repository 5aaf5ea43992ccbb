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

/** `POST /api/v1/api-keys/` answers with the record plus the secret, shown only this once (§9). */
export const createdApiKeySchema = apiKeyRecordSchema.extend({ key: z.string().min(1) });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** A new key as the app asks for it (§9): name 1–100 characters, a role, optional limit and expiry. */
export const apiKeyCreateSchema = z.strictObject({
  name: z
    .string()
    .min(1, 'Give the key a name.')
    .max(100, 'A key name has at most 100 characters.')
    .refine((name) => name.trim() !== '', 'A key name cannot be only spaces.'),
  role: roleSchema,
  rateLimit: z.number().int().min(1).max(100_000).optional(),
  expiresAt: timestampSchema.optional(),
});
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;
