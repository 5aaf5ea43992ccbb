import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { forward, readAll } from './forward';

/** One request the app sent through the proxy, with its body as text (JSON API calls are small). */
export interface ProxiedRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/developer/annotations/<id>`. */
  path: string;
  body: string;
  /** What the app got back (the proxy's own answer or the server's). */
  status: number | null;
}

/** An answer the proxy gives itself, without asking the server. */
export interface OwnAnswer {
  status: number;
  body: unknown;
}

/**
 * A loopback proxy in front of pictograph-local that can stand in for a different server: `answer`
 * replies to a request itself (a 422 with `errors[]` entries), `rewrite` changes a successful JSON
 * answer on its way to the app (an annotation list with something pictograph-local would never
 * store). Everything else is forwarded byte for byte, and every request is recorded with its body,
 * so a test can read exactly what the app sent.
 */
export class RewriteProxy {
  readonly requests: ProxiedRequest[] = [];
  answer: (request: ProxiedRequest) => OwnAnswer | undefined = () => undefined;
  rewrite: (request: ProxiedRequest, json: unknown) => unknown = () => undefined;
  readonly #target: string;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor(target: string, server: Server) {
    this.#target = target;
    this.#server = server;
  }

  static async start(target: string): Promise<RewriteProxy> {
    const server = createServer();
    const proxy = new RewriteProxy(target, server);
    server.on('request', (req, res) => {
      void proxy.#handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
        () => res.destroy(),
      );
    });
    server.on('connection', (socket) => {
      proxy.#sockets.add(socket);
      socket.on('close', () => proxy.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The requests so far with this method whose path (without the query) matches. */
  sent(method: string, path: RegExp): ProxiedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path.split('?')[0]!));
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    const raw = await readAll(req);
    const request: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body: raw.toString('utf8'),
      status: null,
    };
    this.requests.push(request);
    const own = this.answer(request);
    if (own !== undefined) {
      request.status = own.status;
      const body = Buffer.from(JSON.stringify(own.body));
      const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.byteLength) };
      return { status: own.status, headers, body };
    }
    const upstream = await forward(this.#target, req, raw);
    request.status = upstream.status;
    const isJson = String(upstream.headers['content-type'] ?? '').startsWith('application/json');
    if (upstream.status !== 200 || !isJson) return upstream;
    const replaced = this.rewrite(request, JSON.parse(upstream.body.toString('utf8')) as unknown);
    if (replaced === undefined) return upstream;
    const body = Buffer.from(JSON.stringify(replaced));
    // The ETag stays the server's: the app's If-Match must still name the server's list.
    return { ...upstream, headers: { ...upstream.headers, 'content-length': String(body.byteLength) }, body };
  }
}
