import type { ApiError } from './apiError';

/**
 * What a handler returns. JSON bodies are already serialized (the idempotency store keeps the
 * exact bytes); files are streamed from disk so image and ZIP bytes never sit in memory.
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | null;
  file?: { path: string; size: number };
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return rawJsonReply(status, JSON.stringify(value), headers);
}

/** For bodies assembled from stored JSON text (annotation lists) without a parse/stringify round trip. */
export function rawJsonReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: text };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: null };
}

export function fileReply(path: string, size: number, headers: Record<string, string>): Reply {
  return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, body: null, file: { path, size } };
}

export function errorReply(error: ApiError): Reply {
  return jsonReply(error.status, error.toBody(), error.headers);
}
