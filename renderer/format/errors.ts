import type { IpcError, IpcErrorCode } from '../../shared/ipc';
import { formatDuration } from './time';

/** One labelled fact under an error message (code, HTTP status, request id…). */
export interface ErrorFact {
  label: string;
  value: string;
  /** Worth a copy button: people quote request ids to support (contract §13.6). */
  copyable: boolean;
}

/** Everything a screen needs to show a failure; built from an IpcError, never thrown. */
export interface ErrorView {
  title: string;
  message: string;
  /** What the person can do about it, when we know. */
  hint: string | null;
  facts: ErrorFact[];
  /** Trying the same thing again may work (network, 5xx, rate limit after the wait). */
  retryable: boolean;
}

const titles: Partial<Record<IpcErrorCode, string>> = {
  invalid_api_key: 'The API key was not accepted',
  forbidden: 'This key is not allowed to do that',
  not_found: 'Not found',
  rate_limited: 'Rate limit reached',
  network: 'Could not reach the server',
  offline: 'You are offline',
  timeout: 'The server took too long to answer',
  bad_url: 'That server address is not valid',
  server_error: 'The server had a problem',
  service_unavailable: 'The server is temporarily unavailable',
  bad_response: 'The server sent an answer the app could not read',
  keychain: 'The OS keychain could not be used',
  storage: 'Could not write to this computer',
  not_connected: 'Not connected',
  conflict: 'Conflict',
  precondition_failed: 'Someone else changed this first',
  validation_error: 'The server rejected the data',
  cancelled: 'Cancelled',
  internal: 'Something went wrong inside the app',
  invalid_request: 'The app sent an invalid request',
  forbidden_sender: 'Blocked call',
  unknown_channel: 'The app called something that does not exist',
};

const hints: Partial<Record<IpcErrorCode, string>> = {
  invalid_api_key: 'Copy the whole key again from Pictograph → Settings → API keys; it starts with pk_live_.',
  network: 'Check the server address, your network, and that the server is running.',
  offline: 'Your cached datasets stay available; the app reconnects when the network is back.',
  timeout: 'The server or the network is slow right now. Try again in a moment.',
  bad_url: 'Use a full address such as https://api.pictograph.io or http://127.0.0.1:8787.',
  server_error: 'This is usually temporary. Try again; if it persists, quote the request id to support.',
  service_unavailable: 'This is usually temporary. Try again in a minute.',
  bad_response: 'The address may point at something that is not a Pictograph server.',
  keychain: 'Unlock your keychain (or log in to a desktop session) and try again.',
  storage: 'Free some disk space or make the app data folder writable; your edit is still in the editor.',
  not_connected: 'Connect to a workspace first.',
  internal: 'Try again. If it keeps happening, restart the app.',
};

const retryableCodes = new Set<IpcErrorCode>([
  'network',
  'offline',
  'timeout',
  'server_error',
  'service_unavailable',
  'rate_limited',
  'bad_response',
  'internal',
]);

function readNumber(details: Record<string, unknown> | undefined, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = details?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return null;
}

function readString(details: Record<string, unknown> | undefined, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = details?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/** Seconds to wait before retrying, from whichever spelling main or the server used. */
export function retryAfterSeconds(error: IpcError): number | null {
  return readNumber(error.details, ['retryAfterSeconds', 'retryAfter', 'retry_after']);
}

/** The required and current role of a 403 (contract §2 details, or camelCase from main). */
export function roleMismatch(error: IpcError): { required: string; current: string | null } | null {
  const required = readString(error.details, ['requiredRole', 'required_role']);
  if (!required) return null;
  return { required, current: readString(error.details, ['currentRole', 'current_role']) };
}

function specificHint(error: IpcError): string | null {
  if (error.code === 'rate_limited') {
    const wait = retryAfterSeconds(error);
    const when = wait === null ? 'in a little while' : `in ${formatDuration(wait)}`;
    return `Each key has an hourly request quota. Try again ${when}, or use a key with a higher limit.`;
  }
  if (error.code === 'forbidden') {
    return roleMismatch(error)
      ? 'Ask an admin of your organization for a key with a higher role.'
      : 'The server refused this request for this key.';
  }
  if ((error.code === 'network' || error.code === 'timeout') && error.status !== undefined && error.status >= 500) {
    return hints.server_error ?? null;
  }
  return hints[error.code] ?? null;
}

function factsOf(error: IpcError): ErrorFact[] {
  const facts: ErrorFact[] = [{ label: 'Code', value: error.code, copyable: false }];
  if (error.status !== undefined) facts.push({ label: 'HTTP', value: String(error.status), copyable: false });
  const roles = roleMismatch(error);
  if (roles) {
    facts.push({ label: 'Required role', value: roles.required, copyable: false });
    if (roles.current) facts.push({ label: 'Your role', value: roles.current, copyable: false });
  }
  const wait = error.code === 'rate_limited' ? retryAfterSeconds(error) : null;
  if (wait !== null) facts.push({ label: 'Retry after', value: formatDuration(wait), copyable: false });
  if (error.requestId) facts.push({ label: 'Request id', value: error.requestId, copyable: true });
  return facts;
}

export function describeError(error: IpcError): ErrorView {
  const message = error.message.trim() === '' ? 'No further details were given.' : error.message.trim();
  return {
    title: titles[error.code] ?? 'Something went wrong',
    message,
    hint: specificHint(error),
    facts: factsOf(error),
    retryable: retryableCodes.has(error.code),
  };
}

/** Plain text for the clipboard, so a whole error can be pasted into a support ticket. */
export function errorReportText(error: IpcError): string {
  const lines = [`${describeError(error).title}: ${error.message}`, `code: ${error.code}`];
  if (error.status !== undefined) lines.push(`http status: ${error.status}`);
  if (error.requestId) lines.push(`request id: ${error.requestId}`);
  return lines.join('\n');
}
