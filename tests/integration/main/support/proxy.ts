import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route the proxy answers itself instead of forwarding: stands in for a server lacking an extension. */
export interface ProxyRule {
  method?: string;
  path: RegExp;
  status: number;
  body?: string;
}

export interface RecordingProxy {
  url: string;
  /** Every request that reached the proxy, in order (method and path with query). */
  requests: { method: string; path: string; status?: number }[];
  rules: ProxyRule[];
  close(): Promise<void>;
}

/**
 * A tiny loopback reverse proxy in front of a real pictograph-local: it forwards everything
 * byte for byte, except requests matching a rule, which it answers itself (e.g. 404 for the
 * thumbnail route, 405 for the review route). It also records what went over the wire, so tests
 * can tell a cache hit (no request) from a revalidation (a request answered 304).
 */
export async function startProxy(target: string, rules: ProxyRule[] = []): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordingProxy['requests'] = [];
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const record: RecordingProxy['requests'][number] = { method, path };
    requests.push(record);
    const rule = rules.find(
      (r) => (r.method === undefined || r.method === method) && r.path.test(path.split('?')[0] ?? ''),
    );
    if (rule) {
      req.resume();
      record.status = rule.status;
      const body =
        rule.body ??
        JSON.stringify({ error: rule.status === 405 ? 'method_not_allowed' : 'not_found', message: 'Not here.' });
      res.writeHead(rule.status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'proxy-rule' });
      res.end(body);
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method, path, headers: { ...req.headers, host: upstream.host } },
      (upstreamRes) => {
        record.status = upstreamRes.statusCode ?? 502;
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rules,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
