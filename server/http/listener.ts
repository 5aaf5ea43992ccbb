import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { App } from '../app';
import { ApiError, notFound } from './apiError';
import { handleApiRequest } from './pipeline';
import { errorReply, type Reply } from './reply';
import { pickRequestId } from './requestId';
import { normalizePath, type Router } from './router';

export interface SideHandlers {
  /** Signed `/storage/…` URLs: no key, no rate limit (contract §10). */
  storage: (req: IncomingMessage, path: string, query: URLSearchParams) => Promise<Reply>;
  /** `/__local/…` test-mode endpoints (contract §11). */
  local: (req: IncomingMessage, path: string) => Promise<Reply>;
}

/**
 * The node:http request listener. Every response carries X-Request-Id; unexpected exceptions are
 * logged and answered 500 without leaking internals. `track` lets shutdown wait for in-flight work.
 */
export function createListener(
  app: App,
  router: Router,
  side: SideHandlers,
  track: (work: Promise<void>) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => track(respond(app, router, side, req, res));
}

async function respond(
  app: App,
  router: Router,
  side: SideHandlers,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = pickRequestId(req.headers['x-request-id']);
  const headers: Record<string, string> = { 'X-Request-Id': requestId };
  let reply: Reply;
  try {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const path = normalizePath(rawPath);
    if (path.startsWith('/storage/')) reply = await side.storage(req, path, query);
    else if (path.startsWith('/__local/') && app.config.testMode) reply = await side.local(req, path);
    else if (path.startsWith('/api/v1/'))
      reply = await handleApiRequest(app, router, req, path, query, requestId, headers);
    else throw notFound('Route');
  } catch (error) {
    if (error instanceof ApiError) reply = errorReply(error);
    else {
      app.log(
        `[${requestId}] internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      reply = errorReply(new ApiError(500, 'internal_error', 'An unexpected error occurred.'));
    }
  }
  await writeReply(res, reply, headers);
}

async function writeReply(res: ServerResponse, reply: Reply, base: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = { ...base, ...reply.headers };
  if (reply.file) {
    const stream = createReadStream(reply.file.path);
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    } catch {
      // The file vanished between lookup and read (e.g. a concurrent permanent delete).
      await writeReply(res, errorReply(notFound('File')), base);
      return;
    }
    res.writeHead(reply.status, headers);
    await pipeline(stream, res).catch(() => res.destroy());
    return;
  }
  const body = reply.body ?? '';
  headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(body);
}
