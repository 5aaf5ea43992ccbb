/**
 * A deliberately badly behaved HTTP server for client robustness tests: wrong types, HTML with 200,
 * truncated JSON, huge and endless bodies, stalls, dropped connections, redirects to another origin,
 * odd error bodies and each §12 compatibility shape. Each behaviour lives under its own path prefix
 * (`/<scenario>/api/v1/developer/…`), so a client configured with `server.base('html')` meets it on
 * every call. A second loopback server (`other`) stands for "another origin" and records what it
 * receives, so tests can prove the API key never reached it.
 *
 * Longer than the usual 300 lines because a scenario table reads best in one place.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface HostileServer {
  url: string;
  /** Another origin (another loopback port): redirects and signed URLs point here. */
  other: RecordingServer;
  requests: RecordedRequest[];
  /** The base URL a client should be configured with to meet `scenario`. */
  base(scenario: string): string;
  /** Forget recorded requests and per-scenario counters. */
  reset(): void;
  close(): Promise<void>;
}

export const IMAGE_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const JSON_TYPE = 'application/json; charset=utf-8';
const API = '/api/v1/developer';

export function sampleDataset(i: number): Record<string, unknown> {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Dataset ${i}`,
    slug: `dataset-${i}`,
    description: null,
    image_count: 3,
    completed_image_count: 1,
    annotation_count: 2,
    annotation_types: ['bbox', 'polygon'],
    classes: [{ name: 'car', color: '#e6194b', type: 'bbox' }],
    created_at: '2024-01-15T10:30:00.000Z',
    updated_at: '2024-01-15T10:30:00.000Z',
  };
}

export function sampleImage(i: number): Record<string, unknown> {
  return {
    id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    dataset_id: sampleDataset(1).id,
    filename: `img_${String(i).padStart(5, '0')}.jpg`,
    directory_path: '/',
    width: 640,
    height: 480,
    file_size: 1000,
    mime_type: 'image/jpeg',
    status: 'new',
    annotation_count: 0,
    min_confidence: null,
    is_archived: false,
    created_at: '2024-01-15T10:30:00.000Z',
    updated_at: '2024-01-15T10:30:00.000Z',
    thumbnail_url: `${API}/images/x/thumbnail`,
  };
}

type Handler = (ctx: Ctx) => void | Promise<void>;
interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path after `/<scenario>/api/v1/developer`, e.g. `/datasets/`. */
  path: string;
  query: URLSearchParams;
  /** How many requests this scenario has seen, this one included. */
  hit: number;
  self: string;
  other: string;
  scenario: string;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'X-Request-Id': 'hostile-req', ...headers });
  res.end(text);
}

/** Writes `total` bytes (Infinity: forever) as fast as the client reads, stopping when it hangs up. */
function stream(res: ServerResponse, total: number, contentType: string, chunkSize = 64 * 1024): void {
  res.writeHead(200, { 'Content-Type': contentType });
  const chunk = Buffer.alloc(chunkSize, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/**
 * The JSON size cap the client promises (16 MiB), spelled out rather than imported: a test that
 * read the client's own constant would follow it if someone raised it, and catch nothing.
 */
export const JSON_CAP_BYTES = 16 * 1024 * 1024;

/** A valid empty JSON list padded with spaces to exactly `size` bytes, sent without a Content-Length. */
function paddedJsonList(res: ServerResponse, size: number): void {
  const body = Buffer.alloc(size, 0x20);
  body[0] = 0x5b; // [
  body[size - 1] = 0x5d; // ]
  res.writeHead(200, { 'Content-Type': JSON_TYPE });
  res.end(body);
}

/** One byte every `everyMs`, forever: defeats idle timers, must be stopped by a total deadline. */
function trickle(res: ServerResponse, contentType: string, everyMs: number): void {
  res.writeHead(200, { 'Content-Type': contentType });
  const timer = setInterval(() => res.write(' '), everyMs);
  res.on('close', () => clearInterval(timer));
}

const isBytesPath = (path: string): boolean => /^\/images\/[^/]+(\/thumbnail)?(\/moved)?$/.test(path);

/** Sixty items for the envelope scenario, served at most 25 a page whatever the limit asked. */
function envelopePage(ctx: Ctx): void {
  const all = Array.from({ length: 60 }, (_, i) => sampleDataset(i + 1));
  const offset = Number(ctx.query.get('offset') ?? 0);
  const limit = Math.min(25, Number(ctx.query.get('limit') ?? 100));
  const data = all.slice(offset, offset + limit);
  json(ctx.res, 200, {
    data,
    pagination: { limit, offset, total: all.length, has_more: offset + data.length < all.length },
  });
}

/** 2,500 images, at most 1000 a page, without X-Total-Count. */
function imagesWithoutTotal(ctx: Ctx, size = 2500): void {
  const offset = Number(ctx.query.get('offset') ?? 0);
  const limit = Math.min(1000, Number(ctx.query.get('limit') ?? 100));
  const items = Array.from({ length: Math.max(0, Math.min(limit, size - offset)) }, (_, i) => sampleImage(offset + i));
  json(ctx.res, 200, items);
}

export function sampleExport(fileSize: number): Record<string, unknown> {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    dataset_id: sampleDataset(1).id,
    dataset_name: 'Dataset 1',
    name: 'nightly',
    format: 'coco',
    include_images: false,
    class_filter: null,
    status_filter: null,
    status: 'completed',
    error_message: null,
    file_size: fileSize,
    image_count: 1,
    annotation_count: 1,
    created_at: '2024-01-15T10:30:00.000Z',
    completed_at: '2024-01-15T10:31:00.000Z',
    expires_at: '2024-01-22T10:31:00.000Z',
  };
}

/** Bytes of an export ZIP: `size` bytes, with or without an honest Content-Length. */
function zipBody(res: ServerResponse, size: number, declare: number | null): void {
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    ...(declare !== null ? { 'Content-Length': String(declare) } : {}),
  });
  res.end(Buffer.alloc(size, 0x50));
}

/**
 * Export and upload routes whose signed URLs point where `signed(ctx)` says: another origin, our
 * own API path (still no key: a signed URL is never keyed), or a redirect. The ZIP behind the link
 * is `zipSize` bytes while the record announces `announced`.
 */
function exportsAndUploads(
  signed: (ctx: Ctx, what: 'zip' | 'put') => string,
  zip: { announced: number; size: number; declare: 'honest' | 'none' } = { announced: 12, size: 12, declare: 'honest' },
): Handler {
  return (ctx) => {
    if (ctx.path === '/images/upload-url') {
      return json(ctx.res, 200, {
        upload_id: 'u-1',
        upload_url: signed(ctx, 'put'),
        expires_at: '2099-01-01T00:00:00.000Z',
      });
    }
    if (ctx.path === '/images/register') return json(ctx.res, 201, sampleImage(7));
    if (ctx.path.endsWith('/download')) return json(ctx.res, 200, { download_url: signed(ctx, 'zip') });
    if (ctx.path.startsWith('/exports/')) return json(ctx.res, 200, sampleExport(zip.announced));
    if (ctx.path.startsWith('/signed/zip'))
      return zipBody(ctx.res, zip.size, zip.declare === 'honest' ? zip.size : null);
    if (ctx.path.startsWith('/signed/put')) return json(ctx.res, 200, '');
    if (ctx.path.startsWith('/signed/redirect')) {
      ctx.res.writeHead(307, { Location: `${ctx.other}/blob/moved?sig=abc` });
      ctx.res.end();
      return;
    }
    json(ctx.res, 404, { error: 'not_found', message: 'no such route' });
  };
}

const ownSigned = (ctx: Ctx, what: string): string =>
  `${ctx.self}/${ctx.scenario}/api/v1/developer/signed/${what}?expires=9999999999&sig=abc`;

const SCENARIOS: Record<string, Handler> = {
  ok: (ctx) => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    const rl = { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '42', 'X-RateLimit-Reset': reset };
    if (isBytesPath(ctx.path)) {
      ctx.res.writeHead(200, { 'Content-Type': 'image/png', ETag: '"abc"', ...rl });
      ctx.res.end(IMAGE_BYTES);
    } else json(ctx.res, 200, [sampleDataset(1)], { ...rl, 'X-Total-Count': '1' });
  },
  'wrong-types': (ctx) => json(ctx.res, 200, [{ ...sampleDataset(1), image_count: 'three', classes: 'car' }]),
  html: (ctx) => {
    ctx.res.writeHead(200, { 'Content-Type': 'text/html' });
    ctx.res.end('<!doctype html><html><body><h1>Sign in to the proxy</h1></body></html>');
  },
  truncated: (ctx) => json(ctx.res, 200, JSON.stringify([sampleDataset(1)]).slice(0, 57)),
  'short-body': (ctx) => {
    ctx.res.writeHead(200, {
      'Content-Type': isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE,
      'Content-Length': '100000',
    });
    ctx.res.write('[{"id":"3f1c');
    setTimeout(() => ctx.res.socket?.destroy(), 20);
  },
  huge: (ctx) => stream(ctx.res, 100 * 1024 * 1024, isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE),
  'huge-declared': (ctx) => {
    ctx.res.writeHead(200, {
      'Content-Type': isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE,
      'Content-Length': String(100 * 1024 * 1024),
    });
    ctx.res.write('[');
  },
  'json-at-cap': (ctx) => paddedJsonList(ctx.res, JSON_CAP_BYTES),
  'json-over-cap': (ctx) => paddedJsonList(ctx.res, JSON_CAP_BYTES + 1),
  endless: (ctx) => stream(ctx.res, Infinity, isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE),
  trickle: (ctx) => trickle(ctx.res, isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE, 40),
  stall: () => undefined,
  'stall-body': (ctx) => {
    ctx.res.writeHead(200, { 'Content-Type': isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE });
    ctx.res.write('[');
  },
  drop: (ctx) => {
    ctx.res.writeHead(200, { 'Content-Type': isBytesPath(ctx.path) ? 'image/png' : JSON_TYPE });
    ctx.res.write('[{"id":');
    setTimeout(() => ctx.res.socket?.destroy(), 20);
  },
  'drop-before-headers': (ctx) => {
    ctx.req.socket.destroy();
  },
  'drop-once': (ctx) => {
    if (ctx.hit === 1) ctx.req.socket.destroy();
    else SCENARIOS.ok!(ctx);
  },
  'redirect-out': (ctx) => {
    ctx.res.writeHead(302, { Location: `${ctx.other}/blob${ctx.path}?sig=abc` });
    ctx.res.end();
  },
  'redirect-out-json': (ctx) => {
    ctx.res.writeHead(307, { Location: `${ctx.other}/json${ctx.path}` });
    ctx.res.end();
  },
  'redirect-same': (ctx) => {
    if (ctx.path.endsWith('/moved')) return SCENARIOS.ok!(ctx);
    ctx.res.writeHead(301, { Location: `/${ctx.scenario}${API}${ctx.path}/moved` });
    ctx.res.end();
  },
  'redirect-loop': (ctx) => {
    ctx.res.writeHead(302, { Location: `${ctx.self}/${ctx.scenario}${API}${ctx.path}` });
    ctx.res.end();
  },
  'redirect-bad-scheme': (ctx) => {
    ctx.res.writeHead(302, { Location: 'file:///etc/passwd' });
    ctx.res.end();
  },
  '402-text': (ctx) => {
    ctx.res.writeHead(402, { 'Content-Type': 'text/plain', 'X-Request-Id': 'odd-1' });
    ctx.res.end('Payment Required');
  },
  '402-json': (ctx) => json(ctx.res, 402, { error: 'payment_required', message: 'Upgrade your plan', details: [1, 2] }),
  '402-empty': (ctx) => {
    ctx.res.writeHead(402);
    ctx.res.end();
  },
  envelope: (ctx) => {
    if (ctx.path === '/datasets/') return envelopePage(ctx);
    if (ctx.path.startsWith('/datasets/')) return json(ctx.res, 200, { data: sampleDataset(1) });
    if (ctx.path.startsWith('/images/')) {
      const { mime_type: _m, ...rest } = sampleImage(1);
      return json(ctx.res, 200, { data: { ...rest, content_type: 'image/webp', status: 'annotate' } });
    }
    json(ctx.res, 404, { detail: 'Not Found' });
  },
  'nested-error': (ctx) =>
    json(ctx.res, 404, { error: { code: 'not_found', message: 'Dataset is gone' }, detail: 'x' }),
  'detail-string': (ctx) => json(ctx.res, 400, { detail: 'limit must be a number' }),
  'detail-list': (ctx) =>
    json(ctx.res, 422, {
      detail: [{ loc: ['body', 'annotations', 0, 'bounding_box', 'w'], msg: 'ensure this value is greater than 0' }],
    }),
  'flaky-503': (ctx) =>
    ctx.hit <= 2 ? json(ctx.res, 503, { error: 'service_unavailable', message: 'warming up' }) : SCENARIOS.ok!(ctx),
  'always-503': (ctx) => json(ctx.res, 503, { error: 'service_unavailable', message: 'down for maintenance' }),
  'flaky-post': (ctx) =>
    ctx.hit === 1
      ? json(ctx.res, 502, { error: 'internal_error' })
      : json(
          ctx.res,
          200,
          { image_id: 'i', previous_count: 0, new_count: 1, status: 'in_progress' },
          { ETag: '"new"' },
        ),
  'delete-retry': (ctx) =>
    ctx.hit === 1
      ? json(ctx.res, 503, { error: 'service_unavailable' })
      : json(ctx.res, 404, { error: 'not_found', message: 'gone' }),
  '429-long': (ctx) =>
    json(
      ctx.res,
      429,
      { error: 'rate_limit_exceeded', message: 'Rate limit exceeded.', retry_after: 3600 },
      { 'Retry-After': '3600' },
    ),
  '429-short': (ctx) =>
    ctx.hit === 1
      ? json(ctx.res, 429, { error: 'rate_limit_exceeded', retry_after: 7 }, { 'Retry-After': '7' })
      : SCENARIOS.ok!(ctx),
  'quota-zero': (ctx) => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3000);
    json(ctx.res, 200, [sampleDataset(1)], {
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': reset,
    });
  },
  'echo-key': (ctx) =>
    json(ctx.res, 500, {
      error: 'internal_error',
      message: `bad key ${String(ctx.req.headers['x-api-key'])}`,
      details: { key: ctx.req.headers['x-api-key'] },
    }),
  'no-total': (ctx) => imagesWithoutTotal(ctx),
  'ignore-offset': (ctx) =>
    json(
      ctx.res,
      200,
      Array.from({ length: 1000 }, (_, i) => sampleImage(i)),
    ),
  'signed-other': exportsAndUploads((ctx, what) => `${ctx.other}/blob/${what}?expires=9999999999&sig=abc`),
  'signed-own-api': exportsAndUploads(ownSigned),
  'signed-redirect': exportsAndUploads(
    (ctx) => `${ctx.self}/${ctx.scenario}/api/v1/developer/signed/redirect?expires=9999999999&sig=abc`,
  ),
  'zip-longer-chunked': exportsAndUploads(ownSigned, { announced: 1024, size: 1024 * 1024, declare: 'none' }),
  'zip-longer-declared': exportsAndUploads(ownSigned, { announced: 1024, size: 1024 * 1024, declare: 'honest' }),
  'zip-shorter': exportsAndUploads(ownSigned, { announced: 4096, size: 1000, declare: 'honest' }),
  'key-without-secret': (ctx) =>
    json(ctx.res, 201, {
      id: '30000000-0000-4000-8000-000000000001',
      name: 'ci',
      key_prefix: 'pk_live_Ab3x',
      role: 'member',
      rate_limit: 5000,
      is_active: true,
      last_used_at: null,
      created_at: '2024-01-15T10:30:00.000Z',
      expires_at: null,
    }),
  'signed-listing': (ctx) => {
    if (ctx.path.startsWith('/images/') || ctx.path.startsWith('/annotations/')) return SCENARIOS.ok!(ctx);
    const image = sampleImage(1);
    json(ctx.res, 200, {
      dataset_id: sampleDataset(1).id,
      total_items: 1,
      truncated: false,
      items: [
        {
          ...image,
          image_url: `${ctx.other}/blob/${String(image.id)}?expires=9999999999&sig=abc`,
          annotation_url: `https://api.pictograph.io${API}/images/${String(image.id)}`,
        },
      ],
    });
  },
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The "other origin": records every request and answers bytes (`/blob/…`) or JSON (`/json/…`). */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    if ((req.url ?? '').startsWith('/json/')) return json(res, 200, [sampleDataset(9)]);
    res.writeHead(200, { 'Content-Type': 'image/png', ETag: '"other"' });
    res.end(IMAGE_BYTES);
  });
  const url = await listen(server);
  return { url, requests, close: () => closeServer(server) };
}

export async function startHostileServer(): Promise<HostileServer> {
  const other = await startRecordingServer();
  const requests: RecordedRequest[] = [];
  const hits = new Map<string, number>();
  let self = '';
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    // `/api/v1/developer/…` and, for the key routes (§9), `/api/v1/…`: both reach the scenario
    const match = /^\/([^/]+)\/api\/v1(?:\/developer)?(\/.*)$/.exec(url.pathname);
    const handler = match ? SCENARIOS[match[1]!] : undefined;
    if (!match || !handler) return json(res, 404, { error: 'not_found', message: `no scenario for ${url.pathname}` });
    const scenario = match[1]!;
    const hit = (hits.get(scenario) ?? 0) + 1;
    hits.set(scenario, hit);
    req.resume();
    const ctx: Ctx = { req, res, path: match[2]!, query: url.searchParams, hit, self, other: other.url, scenario };
    Promise.resolve(handler(ctx)).catch(() => res.destroy());
  });
  self = await listen(server);
  return {
    url: self,
    other,
    requests,
    base: (scenario) => `${self}/${scenario}`,
    reset: () => {
      requests.length = 0;
      other.requests.length = 0;
      hits.clear();
    },
    close: async () => {
      await closeServer(server);
      await other.close();
    },
  };
}
