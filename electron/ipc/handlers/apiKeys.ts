import { ok } from '../../../shared/ipc';
import type { Session } from '../../services/session/session';
import type { HandlerMap } from '../types';

type ApiKeysChannel = 'apiKeys:list' | 'apiKeys:create' | 'apiKeys:revoke';

/**
 * API-key channels (§9) through the session's client. The created key's secret is handed to the
 * renderer once and kept nowhere in main; only its prefix is ever logged.
 */
export function createApiKeysHandlers({
  session,
}: {
  session: Pick<Session, 'use'>;
}): Pick<HandlerMap, ApiKeysChannel> {
  return {
    'apiKeys:list': async () => ok(await session.use((client) => client.apiKeys.list())),
    'apiKeys:create': async (request) => ok(await session.use((client) => client.apiKeys.create(request))),
    'apiKeys:revoke': async ({ keyId }) => {
      await session.use((client) => client.apiKeys.revoke(keyId));
      return ok({ revoked: true as const });
    },
  };
}
