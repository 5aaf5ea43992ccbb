import type { IncomingMessage } from 'node:http';
import type { App } from '../app';
import type { ApiKeyRow } from '../store/apiKeys';
import { sha256Hex } from '../util/hash';
import { ApiError, forbiddenRole, notFound } from './apiError';
import { authenticate, recordKeyUse } from './auth';
import { parseJsonObject, readRawBody, type RawBody } from './body';
import { IdempotencyGate } from './idempotency';
import { errorReply, type Reply } from './reply';
import { roleAtLeast } from './roles';
import type { Router } from './router';

/**
 * One request under /api/v1/, in the contract's order of checks (§1): auth 401 → rate limit 429
 * → idempotent replay → route 404/405 → body 400/413/415 → role 403 → handler (resource 404,
 * validation, state). Rate-limit headers are added to `headers` once the key is known, so they
 * ride on every later answer, errors and replays included.
 */
export async function handleApiRequest(
  app: App,
  router: Router,
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
  requestId: string,
  headers: Record<string, string>,
): Promise<Reply> {
  const key = authenticate(app, req.headers['x-api-key']);
  const decision = app.rateLimiter.consume(key.id, key.rate_limit);
  Object.assign(headers, decision.headers);
  if (!decision.allowed) {
    const seconds = decision.retryAfter ?? 1;
    throw new ApiError(
      429,
      'rate_limit_exceeded',
      `Rate limit exceeded. Please retry after ${seconds} seconds.`,
      undefined,
      {},
      { retry_after: seconds },
    );
  }
  recordKeyUse(app, key);
  if (app.config.testMode) {
    const fault = app.faults.take(path);
    if (fault) throw fault;
  }

  const method = req.method ?? 'GET';
  const raw = method === 'POST' || method === 'PATCH' ? await readRawBody(req) : undefined;
  const produce = (): Promise<Reply> => routeAndHandle(app, router, req, { method, path, query, requestId, key, raw });
  const idempotencyKey = method === 'POST' ? IdempotencyGate.validateKey(req.headers['idempotency-key']) : undefined;
  if (idempotencyKey === undefined) return produce();
  const bodySha256 = raw && !raw.tooLarge ? sha256Hex(raw.bytes) : 'too-large';
  return app.idempotency.run(key.id, idempotencyKey, { method, path: req.url ?? path, bodySha256 }, produce);
}

interface RoutedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  requestId: string;
  key: ApiKeyRow;
  raw: RawBody | undefined;
}

/** Steps 4–9. Expected failures become replies here so idempotency can store them. */
async function routeAndHandle(app: App, router: Router, req: IncomingMessage, r: RoutedRequest): Promise<Reply> {
  try {
    const match = router.match(r.method, r.path);
    if (match.kind === 'not_found') throw notFound('Route');
    if (match.kind === 'method_not_allowed') {
      throw new ApiError(
        405,
        'method_not_allowed',
        `Method ${r.method} is not allowed here.`,
        { allowed: match.allowed },
        { Allow: match.allowed.join(', ') },
      );
    }
    const body = r.raw ? parseJsonObject(req, r.raw) : {};
    if (!roleAtLeast(r.key.role, match.route.minRole)) throw forbiddenRole(match.route.minRole, r.key.role);
    return await match.route.handler({
      app,
      req,
      params: match.params,
      query: r.query,
      body,
      key: r.key,
      requestId: r.requestId,
    });
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    throw error;
  }
}
