import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors';
import { describeRequest } from './attempt';
import { decodeObject } from './decode';
import type { HttpTransport, HttpMethod } from './http';
import { MAX_JSON_BYTES } from './options';

/**
 * JSON calls at any API URL (developer root or `/api/v1/…`), for the export, upload and API-key
 * methods. POSTs carry a fresh Idempotency-Key reused by the transport's retries (§4, §13.3).
 */
export async function jsonCall<S extends z.ZodType>(
  http: HttpTransport,
  request: { method: HttpMethod; url: URL; body?: unknown; schema: S; signal?: AbortSignal | undefined },
): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.method === 'POST') headers['Idempotency-Key'] = randomUUID();
  const res = await http.send({
    method: request.method,
    url: request.url,
    kind: 'api',
    headers,
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    timing: 'json',
    maxBytes: MAX_JSON_BYTES,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return decodeObject(res, request.schema, describeRequest(request.method, request.url));
}

/** A DELETE answered 204 (or 404 on a retry whose first try got through — the transport's rule). */
export async function deleteCall(http: HttpTransport, url: URL, signal?: AbortSignal): Promise<void> {
  await http.send({
    method: 'DELETE',
    url,
    kind: 'api',
    headers: { Accept: 'application/json' },
    timing: 'json',
    maxBytes: MAX_JSON_BYTES,
    ...(signal ? { signal } : {}),
  });
}

/**
 * A signed URL from a body (`upload_url`, `download_url`). It is always used as signed — without
 * the key — even when it names our own origin or an `/api/v1/` path: the contract says signed URLs
 * go keyless (§10, §13.1), and a hostile body must not be able to aim the key anywhere.
 */
export function signedUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError({ code: 'bad_response', message: `The server sent an unusable ${what}.` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError({
      code: 'bad_response',
      message: `The server sent a ${what} with an unsupported scheme (${url.protocol}).`,
    });
  }
  return url;
}

/** Local checks failed: the request was not sent. `problems` point at fields like a server 422 does. */
export function notSentError(subject: string, problems: { field: string; message: string }[]): AppError {
  const first = problems[0];
  return new AppError({
    code: 'validation_error',
    message: `${subject} was not sent: ${first ? `${first.field}: ${first.message}` : 'invalid'}${
      problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
    }.`,
    details: { problems },
  });
}

export function zodProblems(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.') || '(body)',
    message: issue.message,
  }));
}
