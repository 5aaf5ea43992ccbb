import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  status?: number;
}

export interface RecordingProxy {
  url: string;
  requests: ProxiedRequest[];
  /** Down: connections are cut at once, like a dropped network. */
  up: boolean;
  /** Waits this long before forwarding a signed image download (to interrupt a download mid-way). */
  storageDelayMs: number;
  /** Rewrites a response body before it is sent (same length: a corrupted copy, not a truncated one). */
  corrupt: ((path: string) => boolean) | null;
  /** Serves one byte less (with a matching Content-Length): a file the server did not announce. */
  shorten: ((path: string) => boolean) | null;
  /**
   * Answers a request itself instead of forwarding it (e.g. a server without a route: 404/405);
   * `path` is without its query string.
   */
  inject: ((method: string, path: string) => { status: number; body: unknown } | null) | null;
  /** Called after each forwarded response. */
  onResponse: ((request: ProxiedRequest) => void) | null;
  /** Counted API requests (§3: everything under /api/v1/) since the last reset. */
  counted(): ProxiedRequest[];
  close(): Promise<void>;
}

/** A loopback proxy in front of a real pictograph-local that records, delays and corrupts. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let up = true;
  const proxy: RecordingProxy = {
    url: '',
    requests: [],
    up: true,
    storageDelayMs: 0,
    corrupt: null,
    shorten: null,
    inject: null,
    onResponse: null,
    counted: () => proxy.requests.filter((r) => r.path.startsWith('/api/v1/')),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    if (!up) {
      req.socket.destroy();
      return;
    }
    const record: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    proxy.requests.push(record);
    const injected = proxy.inject?.(record.method, record.path.split('?')[0] ?? '') ?? null;
    if (injected) {
      req.resume();
      record.status = injected.status;
      res.writeHead(injected.status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'proxy' });
      res.end(JSON.stringify(injected.body));
      return;
    }
    const forward = () => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: record.method,
          path: record.path,
          headers: { ...req.headers, host: upstream.host },
        },
        (upstreamRes) => {
          record.status = upstreamRes.statusCode ?? 502;
          const chunks: Buffer[] = [];
          upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
          upstreamRes.on('end', () => {
            let body = Buffer.concat(chunks);
            const headers = { ...upstreamRes.headers };
            // Signed URLs name the server's own origin: point them at the proxy so it sees (and can
            // delay or corrupt) the downloads too.
            if (String(headers['content-type'] ?? '').startsWith('application/json')) {
              body = Buffer.from(body.toString('utf8').split(upstream.origin).join(proxy.url));
              headers['content-length'] = String(body.length);
            }
            if (proxy.corrupt?.(record.path) && body.length > 0) body[body.length - 1] = body[body.length - 1]! ^ 0xff;
            if (proxy.shorten?.(record.path) && body.length > 0) {
              body = body.subarray(0, body.length - 1);
              headers['content-length'] = String(body.length);
            }
            res.writeHead(record.status!, headers);
            res.end(body);
            proxy.onResponse?.(record);
          });
        },
      );
      out.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(out);
    };
    if (proxy.storageDelayMs > 0 && record.path.startsWith('/storage/images/'))
      setTimeout(forward, proxy.storageDelayMs);
    else forward();
  });
  server.on('connection', (socket) => {
    if (!up) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.defineProperty(proxy, 'up', {
    get: () => up,
    set: (value: boolean) => {
      up = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
  });
  let closed: Promise<void> | null = null;
  proxy.close = () =>
    (closed ??= new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }));
  return proxy;
}
