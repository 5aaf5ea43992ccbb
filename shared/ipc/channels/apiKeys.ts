import { z } from 'zod';
import type { ApiKeyRecord, CreatedApiKey } from '../../api';
import { apiKeyCreateSchema } from '../../api';
import { channel } from '../define';
import { idArg } from '../schemas';

/**
 * API keys of the workspace (§9; admins and owners — others get `forbidden` naming both roles).
 * `apiKeys:create` returns the new secret once; main neither stores nor logs it.
 */
export const apiKeysChannels = {
  'apiKeys:list': channel<ApiKeyRecord[]>()(z.strictObject({})),
  'apiKeys:create': channel<CreatedApiKey>()(apiKeyCreateSchema),
  'apiKeys:revoke': channel<{ revoked: true }>()(z.strictObject({ keyId: idArg })),
} as const;
