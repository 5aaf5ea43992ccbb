import { apiKeyCreateSchema, apiKeyRecordSchema, createdApiKeySchema } from '../../../shared/api';
import type { ApiKeyCreate, ApiKeyRecord, CreatedApiKey } from '../../../shared/api';
import { deleteCall, jsonCall, notSentError, zodProblems } from './calls';
import type { HttpTransport } from './http';
import { collectAll, paginate } from './pager';
import type { ApiRequests } from './requests';

/**
 * §9 API keys (admin and owner only; the server answers 403 with the roles otherwise). The secret
 * of a new key is returned once, to the caller, and never logged or kept here.
 */
export class ApiKeysClient {
  constructor(
    private readonly http: HttpTransport,
    private readonly api: ApiRequests,
  ) {}

  list(signal?: AbortSignal): Promise<ApiKeyRecord[]> {
    const pages = paginate(
      (limit, offset) =>
        this.api.getList(this.http.base.v1('/api-keys/', { limit, offset }), apiKeyRecordSchema, signal),
      { keyOf: (key) => key.id, ...(signal ? { signal } : {}) },
    );
    return collectAll(pages);
  }

  async create(request: ApiKeyCreate, signal?: AbortSignal): Promise<CreatedApiKey> {
    const parsed = apiKeyCreateSchema.safeParse(request);
    if (!parsed.success) throw notSentError('The API key', zodProblems(parsed.error));
    const { name, role, rateLimit, expiresAt } = parsed.data;
    if (expiresAt !== undefined && Date.parse(expiresAt) <= Date.now()) {
      throw notSentError('The API key', [{ field: 'expiresAt', message: 'The expiry must be in the future.' }]);
    }
    return jsonCall(this.http, {
      method: 'POST',
      url: this.http.base.v1('/api-keys/'),
      body: {
        name,
        role,
        ...(rateLimit !== undefined ? { rate_limit: rateLimit } : {}),
        ...(expiresAt !== undefined ? { expires_at: expiresAt } : {}),
      },
      schema: createdApiKeySchema,
      signal,
    });
  }

  /** Revokes at once (§9): the next request with that key gets 401. */
  revoke(id: string, signal?: AbortSignal): Promise<void> {
    return deleteCall(this.http, this.http.base.v1(`/api-keys/${encodeURIComponent(id)}`), signal);
  }
}
