import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ResolveMedia } from '../../../electron/services/media/mediaTypes';

/** Where the page fetches a large IPC answer parked in the lane (same origin, so the CSP allows it). */
export const ANSWER_PREFIX = '/__ipc/answer/';
/** An answer nobody fetched (the page closed first) is dropped after this long. */
const ANSWER_TTL_MS = 60_000;

export interface ByteLane {
  /** `--host-resolver-rules` value that sends the app's host to this server. */
  readonly resolverRule: string;
  /** Parks a large answer's JSON text; the page fetches it once from the returned path. */
  park(text: string): string;
  /** Takes a parked answer back in Node (the Node-side api reads it without a fetch). */
  take(path: string): string | null;
  close(): Promise<void>;
}

/**
 * A loopback HTTPS server for the bytes that Electron moves without copying through a debugger
 * protocol: media (the app:// protocol streams them) and large IPC answers (structured clone). In
 * the harness, Playwright's route.fulfill and binding answers travel inside CDP messages — a 7 MB
 * tile went as 9.6 MB of base64 through one JSON message, ~0.6 s on our 2-core machines, which
 * measured the harness rather than the app. Chromium reaches this server through its real network
 * stack: the route handler only says "continue", and `--host-resolver-rules` maps the app's host
 * to the loopback port. Same origin, same media resolver, same answers; only the pipe changes.
 *
 * The certificate is a throwaway, self-signed for `app.pictograph.invalid` and used for nothing
 * else; the context ignores certificate errors, since the host can never resolve on a real network.
 */
export async function startByteLane(options: { host: string; resolveMedia: ResolveMedia }): Promise<ByteLane> {
  const answers = new Map<string, { text: string; timer: NodeJS.Timeout }>();
  const take = (path: string): string | null => {
    const entry = answers.get(path);
    if (!entry) return null;
    clearTimeout(entry.timer);
    answers.delete(path);
    return entry.text;
  };
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `https://${options.host}`);
    if (url.pathname.startsWith(ANSWER_PREFIX)) {
      const text = take(url.pathname);
      if (text === null) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no such answer');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(text);
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      const media = await options.resolveMedia({ url: url.href, headers });
      response.writeHead(media.status, media.headers);
      response.end(
        media.body ? Buffer.from(media.body.buffer, media.body.byteOffset, media.body.byteLength) : undefined,
      );
      return;
    }
    // Everything else is answered by the route handler; reaching here means a routing bug.
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not served by the byte lane');
  };
  const server = createServer(
    {
      key: readFileSync(fileURLToPath(new URL('loopback-key.pem', import.meta.url))),
      cert: readFileSync(fileURLToPath(new URL('loopback-cert.pem', import.meta.url))),
    },
    (request, response) => {
      serve(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    resolverRule: `MAP ${options.host} 127.0.0.1:${port}`,
    park(text) {
      const path = `${ANSWER_PREFIX}${randomUUID()}`;
      answers.set(path, { text, timer: setTimeout(() => answers.delete(path), ANSWER_TTL_MS).unref() });
      return path;
    },
    take,
    close: () =>
      new Promise<void>((resolve) => {
        for (const entry of answers.values()) clearTimeout(entry.timer);
        answers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
