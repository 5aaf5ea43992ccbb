import { z } from 'zod';
import { annotationListSchema, decodeAnnotationListFast } from '../../../shared/api';
import { AppError } from '../errors';
import type { HttpResponse } from './attempt';

/** `pagination` of the §12 envelope; every field optional because deployments differ. */
const paginationSchema = z.looseObject({
  limit: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  has_more: z.boolean().optional(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export interface DecodedList<T> {
  items: T[];
  pagination: Pagination | null;
  /** X-Total-Count, or the envelope's `pagination.total`; null when the server says neither. */
  total: number | null;
}

const badResponse = (what: string, status: number, why: string, requestId: string | null): AppError =>
  new AppError({
    code: 'bad_response',
    message: `The server sent an unexpected response to ${what}: ${why}.`,
    status,
    ...(requestId !== null ? { requestId } : {}),
  });

/** Status, content type, UTF-8 and JSON syntax: a 2xx that fails any of them is an error, never data. */
export function parseJsonBody(res: HttpResponse, what: string): unknown {
  const requestId = res.headers.get('x-request-id');
  const type = res.headers.get('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim())) {
    throw badResponse(
      what,
      res.status,
      `expected JSON but got ${type === '' ? 'no content type' : `"${type.slice(0, 80)}"`}`,
      requestId,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(res.body);
  } catch {
    throw badResponse(what, res.status, 'the body is not valid UTF-8', requestId);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponse(
      what,
      res.status,
      text.trim() === '' ? 'the body is empty' : 'the JSON is malformed or truncated',
      requestId,
    );
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Hand-written decoders that return exactly what their schema's parse returns for well-formed data
 * and null on any doubt (zod then decides and words the error): a 10,000-polygon annotation list
 * is the one answer big enough for zod's cost to show when an image opens.
 */
const FAST_PATHS = new Map<z.ZodType, (raw: unknown) => unknown>([[annotationListSchema, decodeAnnotationListFast]]);

/** Decodes one object, unwrapping a `{data: …}` envelope (§12) when the bare form doesn't fit. */
export function decodeObject<S extends z.ZodType>(res: HttpResponse, schema: S, what: string): z.output<S> {
  const raw = parseJsonBody(res, what);
  const fast = FAST_PATHS.get(schema)?.(raw);
  if (fast !== undefined && fast !== null) return fast as z.output<S>;
  const bare = schema.safeParse(raw);
  if (bare.success) return bare.data;
  if (isRecord(raw) && 'data' in raw) {
    const inner = schema.safeParse(raw.data);
    if (inner.success) return inner.data;
    throw badResponse(what, res.status, describeIssues(inner.error), res.headers.get('x-request-id'));
  }
  throw badResponse(what, res.status, describeIssues(bare.error), res.headers.get('x-request-id'));
}

/** Decodes a list page: a bare array (§5) or `{data: [...], pagination}` (§12). */
export function decodeList<S extends z.ZodType>(
  res: HttpResponse,
  itemSchema: S,
  what: string,
): DecodedList<z.output<S>> {
  const raw = parseJsonBody(res, what);
  const requestId = res.headers.get('x-request-id');
  let list: unknown = raw;
  let pagination: Pagination | null = null;
  if (isRecord(raw)) {
    if (!Array.isArray(raw.data)) throw badResponse(what, res.status, 'expected a list', requestId);
    list = raw.data;
    if (raw.pagination !== undefined) {
      const parsed = paginationSchema.safeParse(raw.pagination);
      if (!parsed.success)
        throw badResponse(what, res.status, `pagination: ${describeIssues(parsed.error)}`, requestId);
      pagination = parsed.data;
    }
  }
  const items = z.array(itemSchema).safeParse(list);
  if (!items.success) throw badResponse(what, res.status, describeIssues(items.error), requestId);
  return { items: items.data, pagination, total: totalCount(res.headers) ?? pagination?.total ?? null };
}

export function totalCount(headers: Headers): number | null {
  const raw = headers.get('x-total-count');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/** The first few zod issues as `path: message`, short enough for a dialog. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
