import type { Role } from '../../shared/api/common';

/** The error codes of contract §2 plus the gateway codes fault injection can produce (§11). */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_api_key'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_error'
  | 'rate_limit_exceeded'
  | 'internal_error'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'gateway_timeout';

export interface FieldProblem {
  index?: number;
  field: string;
  message: string;
}

/**
 * An expected failure. Handlers throw it anywhere; the pipeline turns it into the flat error body
 * `{error, message, details?}` (plus any extra top-level fields such as `retry_after`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
    readonly extraBody: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { error: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return { ...body, ...this.extraBody };
  }
}

export const MAX_VALIDATION_ERRORS = 100;

export const badRequest = (message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(400, 'bad_request', message, details);

export const badParameter = (parameter: string, message?: string): ApiError =>
  badRequest(message ?? `Query parameter '${parameter}' is invalid.`, { parameter });

export const notFound = (what = 'Resource'): ApiError => new ApiError(404, 'not_found', `${what} not found.`);

export const forbiddenRole = (required: Role, current: Role): ApiError =>
  new ApiError(403, 'forbidden', `This action requires the ${required} role; the key has ${current}.`, {
    required_role: required,
    current_role: current,
  });

export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);

export const conflict = (message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(409, 'conflict', message, details);

export const validationFailed = (errors: FieldProblem[]): ApiError =>
  new ApiError(422, 'validation_error', describeProblems(errors), {
    errors: errors.slice(0, MAX_VALIDATION_ERRORS),
  });

export const unsupportedMediaType = (message: string, allowed: readonly string[]): ApiError =>
  new ApiError(415, 'unsupported_media_type', message, { allowed: [...allowed] });

export const payloadTooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, 'payload_too_large', `The body exceeds ${maxBytes} bytes.`, { max_bytes: maxBytes });

export const preconditionFailed = (currentEtag: string): ApiError =>
  new ApiError(412, 'precondition_failed', 'If-Match does not match the current ETag.', {
    current_etag: currentEtag,
  });

function describeProblems(errors: FieldProblem[]): string {
  const first = errors[0];
  if (!first) return 'The request body is invalid.';
  const where =
    first.index === undefined ? first.field : `annotations[${first.index}]${first.field ? '.' + first.field : ''}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `Validation failed: ${where ? where + ': ' : ''}${first.message}${more}`;
}
