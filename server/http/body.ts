import type { IncomingMessage } from 'node:http';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './apiError';

export const MAX_JSON_BYTES = 10 * 1024 * 1024;

export interface RawBody {
  bytes: Buffer;
  /** More than the limit arrived; the excess was drained and dropped. */
  tooLarge: boolean;
}

/** Reads at most `max` bytes, draining (not keeping) the rest so the connection stays usable. */
export async function readRawBody(req: IncomingMessage, max = MAX_JSON_BYTES): Promise<RawBody> {
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > max;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return { bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge };
}

function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Step 5 of the order of checks: 415 unless JSON, 413 over 10 MiB, 400 for a missing, malformed
 * or non-object body.
 */
export function parseJsonObject(req: IncomingMessage, raw: RawBody): Record<string, unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw unsupportedMediaType('The body must be sent as Content-Type: application/json.', ['application/json']);
  }
  if (raw.tooLarge) throw payloadTooLarge(MAX_JSON_BYTES);
  if (raw.bytes.length === 0) throw badRequest('A JSON object body is required.');
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(raw.bytes));
  } catch {
    throw badRequest('The body is not valid UTF-8 JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
