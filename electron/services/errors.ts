import type { IpcError, IpcErrorCode } from '../../shared/ipc';

/**
 * An expected failure inside main (network, API, keychain, bad input). Handlers turn it into
 * `{ ok: false, error }`; anything else that escapes a handler is a bug and becomes `internal`.
 */
export class AppError extends Error {
  readonly code: IpcErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: IpcError & { cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }

  toIpcError(): IpcError {
    const e: IpcError = { code: this.code, message: this.message };
    if (this.status !== undefined) e.status = this.status;
    if (this.requestId !== undefined) e.requestId = this.requestId;
    if (this.details !== undefined) e.details = this.details;
    return e;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
