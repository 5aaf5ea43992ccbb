import type { IpcResult } from '../../../shared/ipc';
import { fail, ok } from '../../../shared/ipc';
import { isAppError } from '../../services/errors';

/**
 * Runs a handler body: expected failures (AppError) become `{ ok: false, error }` values; anything
 * else propagates to the router, which logs it and answers `internal` (it is a bug).
 */
export async function settle<T>(work: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (isAppError(error)) return fail(error.toIpcError());
    throw error;
  }
}
