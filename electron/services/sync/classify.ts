import type { IpcError } from '../../../shared/ipc';
import { isAppError } from '../errors';

/**
 * What a failed send means for the queue:
 * - `signed-out`: 401 (the session signed out) — pause everything, keep every entry, wait for a key;
 * - `offline`: unreachable — pause, the connectivity probe resumes;
 * - `rate-limited`: the quota is spent beyond the client's own wait — pause until it frees;
 * - `retry`: the server is failing right now — keep, try this image again later;
 * - `refused`: the server will not take it as it is (403, 404, 409, 413, 422…) — park the image's
 *   entries as failed (kept, shown, retried when the user asks) and go on with other images.
 */
export type FailureKind = 'signed-out' | 'offline' | 'rate-limited' | 'retry' | 'refused';

export function classifyFailure(error: unknown): { kind: FailureKind; error: IpcError } {
  if (!isAppError(error)) {
    return {
      kind: 'refused',
      error: {
        code: 'internal',
        message: 'Something went wrong in the app while sending. The details are in its log.',
      },
    };
  }
  const ipc = error.toIpcError();
  switch (error.code) {
    case 'invalid_api_key':
      return { kind: 'signed-out', error: ipc };
    case 'network':
    case 'timeout':
    case 'offline':
    case 'not_connected':
      return { kind: 'offline', error: ipc };
    case 'rate_limited':
      return { kind: 'rate-limited', error: ipc };
    case 'server_error':
    case 'service_unavailable':
    case 'bad_response':
    case 'cancelled':
    case 'precondition_failed':
    case 'storage':
      return { kind: 'retry', error: ipc };
    default:
      return { kind: 'refused', error: ipc };
  }
}

/** Seconds a rate_limited error asks us to wait (details.retryAfterSeconds), else a minute. */
export function retryAfterMs(error: IpcError): number {
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}
