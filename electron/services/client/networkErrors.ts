import { AppError } from '../errors';

/** Finds a system error code (ECONNREFUSED…) anywhere in an error's cause chain or aggregate. */
export function systemErrorCode(error: unknown, depth = 0): string | null {
  if (depth > 6 || typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code !== '') return e.code;
  const fromCause = systemErrorCode(e.cause, depth + 1);
  if (fromCause !== null) return fromCause;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = systemErrorCode(inner, depth + 1);
      if (code !== null) return code;
    }
  }
  return null;
}

const CONNECT_TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * A fetch that failed before or during the response. The message names the host and says why in
 * words a user can act on; the original error stays as `cause` for the log.
 */
export function errorFromNetworkFailure(error: unknown, url: URL): AppError {
  const code = systemErrorCode(error);
  const host = url.host;
  if (code !== null && CONNECT_TIMEOUT_CODES.has(code)) {
    return new AppError({
      code: 'timeout',
      message: `${host} did not answer in time.`,
      cause: error,
      details: { systemCode: code },
    });
  }
  if (code === null && isBlockedPort(error)) {
    // Retrying cannot help and "the network request failed" would send the user looking at cables.
    return new AppError({
      code: 'bad_url',
      message: `Cannot connect to ${host}: port ${url.port} belongs to another protocol and is blocked for web requests. Use the port the server listens on for HTTP.`,
      cause: error,
    });
  }
  const message = networkMessage(code, host);
  return new AppError({
    code: 'network',
    message,
    cause: error,
    ...(code !== null ? { details: { systemCode: code } } : {}),
  });
}

/** fetch refuses ports of other protocols (the Fetch standard's "bad port" list: 9, 25, 6000…). */
function isBlockedPort(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const e = error as { message?: unknown; cause?: unknown };
  return e.message === 'bad port' || isBlockedPort(e.cause, depth + 1);
}

function networkMessage(code: string | null, host: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `Could not reach ${host}: the connection was refused (is the server running on that port?).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `Could not reach ${host}: the host name could not be resolved (check the address and your DNS or network).`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return `The connection to ${host} was dropped before the response was complete.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return `Could not reach ${host}: the network is unreachable (are you offline?).`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `Could not connect securely to ${host}: its TLS certificate was not accepted (${code}).`;
    case null:
      return `Could not reach ${host}: the network request failed.`;
    default:
      return `Could not reach ${host} (${code}).`;
  }
}
