/**
 * Expected failures travel as values, never as thrown errors (design §2). Codes are stable
 * strings the renderer can switch on; `message` is for people.
 */
export const IPC_ERROR_CODES = [
  // raised by the router itself
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'internal',
  // mapped from the API and the network (contract §2, §13)
  'bad_request',
  'invalid_api_key',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'validation_error',
  'rate_limited',
  'server_error',
  'service_unavailable',
  'timeout',
  'network',
  'offline',
  'cancelled',
  'bad_response',
  'bad_url',
  'not_connected',
  'keychain',
  // the data folder cannot take a write (full disk, read-only folder): nothing was acknowledged
  'storage',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** HTTP status when the failure came from the API. */
  status?: number;
  /** The server's X-Request-Id, shown so users can quote it (§13.6). */
  requestId?: string;
  /** Structured extras: required/current role, validation problems, retry-after seconds… */
  details?: Record<string, unknown>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });
