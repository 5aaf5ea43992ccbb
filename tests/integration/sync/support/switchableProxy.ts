import { createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** An answer the proxy gives itself instead of forwarding (e.g. a 401 once the key is "revoked"). */
export type Inject = (method: string, path: string) => { status: number; body: unknown } | null;

export interface ProxiedRequest {
  method: string;
  path: string;
  /** When it reached the proxy (ms since the epoch). */
  at: number;
  status?: number;
  /** The answer's X-RateLimit-Remaining and X-RateLimit-Reset (§3), when it had them. */
  remaining?: number;
  reset?: number;
}

export interface SwitchableProxy {
  url: string;
  /** Down: every connection is cut at once (the client sees a network error), as when the Wi-Fi drops. */
  up: boolean;
  inject: Inject | null;
  /** Requests that reached the proxy while up, in order. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback reverse proxy in front of a real pictograph-local that the test can take "offline"
 * and bring back at the same address (the profile's base URL stays valid across the outage).
 */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: SwitchableProxy = { url: '', up: true, inject: null, requests: [], close: async () => {} };
  const server = createServer((req, res) => {
    if (!proxy.up) {
      req.socket.destroy();
      return;
    }
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const record: ProxiedRequest = { method, path, at: Date.now() };
    proxy.requests.push(record);
    const injected = proxy.inject?.(method, path.split('?')[0] ?? '') ?? null;
    if (injected) {
      req.resume();
      record.status = injected.status;
      res.writeHead(injected.status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'proxy' });
      res.end(JSON.stringify(injected.body));
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method, path, headers: { ...req.headers, host: upstream.host } },
      (upstreamRes) => {
        record.status = upstreamRes.statusCode ?? 502;
        const remaining = upstreamRes.headers['x-ratelimit-remaining'];
        const reset = upstreamRes.headers['x-ratelimit-reset'];
        if (typeof remaining === 'string') record.remaining = Number(remaining);
        if (typeof reset === 'string') record.reset = Number(reset);
        res.writeHead(record.status, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    if (!proxy.up) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | null = null;
  proxy.close = () =>
    (closed ??= new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }));
  // Going down cuts live keep-alive connections too.
  let up = true;
  Object.defineProperty(proxy, 'up', {
    get: () => up,
    set: (value: boolean) => {
      up = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
  });
  return proxy;
}
