import type { TestServer } from '../../support/server';

export const API = '/api/v1/developer';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  /** API key to send; default the owner key; null sends none. */
  key?: string | null;
  /** JSON-serialized with Content-Type: application/json. */
  body?: unknown;
  /** Sent verbatim (set content-type yourself in headers). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** Paths starting with `/api/`, `/storage/` or `/__local/` are used as-is; others get the developer prefix. */
export function urlFor(server: TestServer, path: string): string {
  if (path.startsWith('http')) return path;
  const absolute = /^\/(api|storage|__local)\//.test(path) ? path : `${API}${path}`;
  return server.url + absolute;
}

export async function call(
  server: TestServer,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const key = opts.key === undefined ? server.keys.owner : opts.key;
  if (key !== null) headers['X-API-Key'] = key;
  let body: string | Uint8Array | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(urlFor(server, path), { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function datasetId(server: TestServer, name: string): Promise<string> {
  const res = await call(server, 'GET', '/datasets/?limit=1000');
  const found = (res.json as { id: string; name: string }[]).find((d) => d.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found.id;
}

/** Image id by filename (archived included). */
export async function imageId(server: TestServer, dataset: string, filename: string): Promise<string> {
  const id = await datasetId(server, dataset);
  const res = await call(
    server,
    'GET',
    `/images/?dataset_id=${id}&filename=${encodeURIComponent(filename)}&include_archived=true`,
  );
  const found = (res.json as { id: string }[])[0];
  if (!found) throw new Error(`no image ${filename}`);
  return found.id;
}

export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
