import type { ApiKeyCreate, ApiKeyRecord, CreatedApiKey } from '../../../shared/api';
import type { IpcResult } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';

/** The API keys page's calls (§9). The created secret is handed to the page once and kept nowhere. */
export const listKeys = (): Promise<IpcResult<ApiKeyRecord[]>> => callApi((api) => api.apiKeys.list());
export const createKey = (request: ApiKeyCreate): Promise<IpcResult<CreatedApiKey>> =>
  callApi((api) => api.apiKeys.create(request));
export const revokeKey = (keyId: string): Promise<IpcResult<{ revoked: true }>> =>
  callApi((api) => api.apiKeys.revoke({ keyId }));
