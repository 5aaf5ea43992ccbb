import type { IpcErrorCode } from '../../../shared/ipc';
import { AppError } from '../errors';
import { parseRetryAfterSeconds } from './backoff';
import { parseErrorBody } from './errorBody';
import type { ErrorBody } from './errorBody';
import { quotaSpentError } from './rateLimit';

export interface FailedResponse {
  /** e.g. `GET /api/v1/developer/datasets/` — query strings are left out of messages. */
  what: string;
  status: number;
  headers: Headers;
  bodyText: string;
  nowMs: number;
}

const STATUS_CODES: Record<number, IpcErrorCode> = {
  400: 'bad_request',
  401: 'invalid_api_key',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_error',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Wire codes (§2) we may meet on statuses we don't know, mapped to our own. */
const WIRE_CODES: Record<string, IpcErrorCode> = {
  bad_request: 'bad_request',
  invalid_api_key: 'invalid_api_key',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  precondition_failed: 'precondition_failed',
  payload_too_large: 'payload_too_large',
  unsupported_media_type: 'unsupported_media_type',
  validation_error: 'validation_error',
  rate_limit_exceeded: 'rate_limited',
  internal_error: 'server_error',
  service_unavailable: 'service_unavailable',
};

/** Unknown statuses are handled by class (§12): a 4xx keeps its wire code if we know it. */
export function codeForStatus(status: number, wireCode: string | undefined): IpcErrorCode {
  const known = STATUS_CODES[status];
  if (known) return known;
  if (status >= 500) return 'server_error';
  const fromWire = wireCode === undefined ? undefined : WIRE_CODES[wireCode];
  return fromWire ?? 'bad_request';
}

/** Turns a non-2xx response into the AppError the UI shows (§13.6). */
export function errorFromResponse(r: FailedResponse): AppError {
  const body = parseErrorBody(r.bodyText);
  const code = codeForStatus(r.status, body.code);
  const requestId = r.headers.get('x-request-id') ?? undefined;
  const base = { status: r.status, ...(requestId !== undefined ? { requestId } : {}) };
  switch (code) {
    case 'rate_limited': {
      const seconds = parseRetryAfterSeconds(r.headers.get('retry-after'), body.retryAfter, r.nowMs) ?? 60;
      return quotaSpentError(seconds, base);
    }
    case 'forbidden':
      return forbiddenError(body, base);
    case 'validation_error': {
      const problems = body.problems ?? [];
      const first = problems[0];
      const message =
        first === undefined
          ? (body.message ?? 'The server found the data invalid.')
          : `The server found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${describe(first)}`;
      return new AppError({ code, message, ...base, details: { ...body.details, problems } });
    }
    case 'precondition_failed': {
      const current = body.details?.current_etag ?? r.headers.get('etag');
      return new AppError({
        code,
        message: 'Someone else changed these annotations since you loaded them.',
        ...base,
        details: { ...body.details, currentEtag: typeof current === 'string' ? current : null },
      });
    }
    default:
      return new AppError({
        code,
        message: messageFor(code, r, body),
        ...base,
        ...(body.details !== undefined ? { details: body.details } : {}),
      });
  }
}

function forbiddenError(body: ErrorBody, base: { status: number; requestId?: string }): AppError {
  const requiredRole = stringOrNull(body.details?.required_role);
  const currentRole = stringOrNull(body.details?.current_role);
  const message =
    requiredRole !== null
      ? `This needs the ${requiredRole} role; your key is ${currentRole === null ? 'below it' : `${article(currentRole)} ${currentRole} key`}.`
      : (body.message ?? 'The server refused access to this resource.');
  return new AppError({ code: 'forbidden', message, ...base, details: { requiredRole, currentRole } });
}

function messageFor(code: IpcErrorCode, r: FailedResponse, body: ErrorBody): string {
  const server = body.message;
  switch (code) {
    case 'invalid_api_key':
      return 'The API key was not accepted (missing, unknown, inactive, expired or revoked). Enter a valid key.';
    case 'not_found':
      return server ?? `Not found: ${r.what}.`;
    case 'conflict':
      return server ?? 'The request conflicts with the current state on the server.';
    case 'payload_too_large':
      return server ?? 'The server says the data is too large.';
    case 'unsupported_media_type':
      return server ?? 'The server does not accept this type of data.';
    case 'server_error':
      return `The server failed (HTTP ${r.status})${server ? `: ${server}` : '.'} Try again later.`;
    case 'service_unavailable':
      return `The server is temporarily unavailable (HTTP ${r.status})${server ? `: ${server}` : '.'}`;
    default:
      return `The server refused ${r.what} (HTTP ${r.status})${server ? `: ${server}` : '.'}`;
  }
}

function describe(p: { index?: number; field?: string; message: string }): string {
  const where = [p.index !== undefined ? `annotation #${p.index + 1}` : '', p.field ?? ''].filter(Boolean).join(', ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
