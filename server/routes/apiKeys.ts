import { ROLES, type Role } from '../../shared/api/common';
import { forbiddenRole, notFound, validationFailed } from '../http/apiError';
import { pagination } from '../http/query';
import { emptyReply, jsonReply, type Reply } from '../http/reply';
import { roleAtLeast, rolesUpTo } from '../http/roles';
import type { RequestContext, RouteDef } from '../http/router';
import type { ApiKeyPatch, ApiKeyRow } from '../store/apiKeys';
import { keyPrefixOf } from '../../shared/api/keyFormat';
import { generateApiKey, hashApiKey } from '../util/apiKeys';
import { isoAt } from '../util/clock';
import { isUuid, newId } from '../util/ids';
import { BodyReader } from '../validation/body';
import { apiKeyToWire } from './wire';

const KEYS_PATH = '/api/v1/api-keys';
export const DEFAULT_RATE_LIMIT = 5000;
const MAX_RATE_LIMIT = 100_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A caller manages only keys whose role is ≤ its own (contract §9); 403 names that key's role. */
function requireManageableKey({ app, params, key }: RequestContext): ApiKeyRow {
  const target = isUuid(params.id!) ? app.store.apiKeys.get(params.id!) : undefined;
  if (!target) throw notFound('API key');
  if (!roleAtLeast(key.role, target.role)) throw forbiddenRole(target.role, key.role);
  return target;
}

function listKeys({ app, query, key }: RequestContext): Reply {
  const { limit, offset } = pagination(query);
  const roles = rolesUpTo(key.role);
  const rows = limit === 0 ? [] : app.store.apiKeys.list(roles, limit, offset);
  return jsonReply(200, rows.map(apiKeyToWire), { 'X-Total-Count': String(app.store.apiKeys.count(roles)) });
}

function createKey({ app, body, key }: RequestContext): Reply {
  const reader = new BodyReader(body, ['name', 'role', 'rate_limit', 'expires_at']);
  const name = reader.string('name', { required: true, min: 1, max: 100 });
  const role: Role = reader.oneOf('role', ROLES) ?? 'member';
  const rateLimit = reader.integer('rate_limit', { nullable: true, min: 1, max: MAX_RATE_LIMIT }) ?? DEFAULT_RATE_LIMIT;
  const expiresText = reader.string('expires_at', { nullable: true });
  let expiresMs: number | null = null;
  if (typeof expiresText === 'string') {
    if (!TIMESTAMP.test(expiresText) || Number.isNaN(Date.parse(expiresText))) {
      reader.problem('expires_at', 'must be an ISO-8601 timestamp');
    } else expiresMs = Date.parse(expiresText);
  }
  reader.finish();
  if (!roleAtLeast(key.role, role)) throw forbiddenRole(role, key.role);
  if (expiresMs !== null && expiresMs <= app.clock()) {
    throw validationFailed([{ field: 'expires_at', message: 'must be in the future' }]);
  }
  const secret = generateApiKey();
  const row: ApiKeyRow = {
    id: newId(),
    name: name!,
    key_hash: hashApiKey(secret),
    key_prefix: keyPrefixOf(secret),
    role,
    rate_limit: rateLimit,
    is_active: true,
    last_used_at: null,
    created_at: isoAt(app.clock()),
    expires_at: expiresMs === null ? null : isoAt(expiresMs),
  };
  app.store.apiKeys.insert(row);
  return jsonReply(201, { ...apiKeyToWire(row), key: secret });
}

function getKey(ctx: RequestContext): Reply {
  return jsonReply(200, apiKeyToWire(requireManageableKey(ctx)));
}

function updateKey(ctx: RequestContext): Reply {
  const target = requireManageableKey(ctx);
  const reader = new BodyReader(ctx.body, ['name', 'rate_limit', 'is_active', 'role', 'expires_at']);
  if (reader.has('role')) reader.problem('role', 'is immutable');
  if (reader.has('expires_at')) reader.problem('expires_at', 'is immutable');
  const patch: ApiKeyPatch = {};
  const name = reader.string('name', { min: 1, max: 100 });
  if (typeof name === 'string') patch.name = name;
  if (reader.has('rate_limit')) {
    const limit = reader.integer('rate_limit', { nullable: true, min: 1, max: MAX_RATE_LIMIT });
    if (limit !== undefined) patch.rate_limit = limit ?? DEFAULT_RATE_LIMIT;
  }
  const active = reader.boolean('is_active');
  if (active !== undefined) patch.is_active = active;
  const editable = ['name', 'rate_limit', 'is_active'].some((f) => f in ctx.body);
  if (!editable) reader.problem('', 'send at least one of name, rate_limit, is_active');
  reader.finish();
  return jsonReply(200, apiKeyToWire(ctx.app.store.apiKeys.update(target, patch)));
}

function deleteKey(ctx: RequestContext): Reply {
  const target = requireManageableKey(ctx);
  ctx.app.store.apiKeys.delete(target.id);
  ctx.app.rateLimiter.forget(target.id);
  return emptyReply(204);
}

export const apiKeyRoutes: RouteDef[] = [
  { method: 'GET', path: KEYS_PATH, minRole: 'admin', handler: listKeys },
  { method: 'POST', path: KEYS_PATH, minRole: 'admin', handler: createKey },
  { method: 'GET', path: `${KEYS_PATH}/:id`, minRole: 'admin', handler: getKey },
  { method: 'PATCH', path: `${KEYS_PATH}/:id`, minRole: 'admin', handler: updateKey },
  { method: 'DELETE', path: `${KEYS_PATH}/:id`, minRole: 'admin', handler: deleteKey },
];
