import { AppError } from '../errors';

/** SQLite primary result codes that mean "this disk or folder cannot take the write". */
const STORAGE_CODES: Record<number, string> = {
  8: 'the app data folder is read-only', // SQLITE_READONLY
  10: 'the disk reported an input/output error', // SQLITE_IOERR
  13: 'the disk is full', // SQLITE_FULL
  14: 'the outbox file cannot be opened', // SQLITE_CANTOPEN
  23: 'the app data folder may not be written', // SQLITE_AUTH
};
/** Node's own errors for the same situations, met before SQLite is even reached (mkdir, rename). */
const NODE_CODES: Record<string, string> = {
  EROFS: 'the app data folder is read-only',
  EACCES: 'the app data folder may not be written',
  EPERM: 'the app data folder may not be written',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'the app data folder is not a folder',
  EIO: 'the disk reported an input/output error',
};

/** The reason a write failed, when it is the disk's or folder's fault; null for anything else (a bug). */
export function storageReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { errcode, code } = error as { errcode?: unknown; code?: unknown };
  // Extended result codes carry the primary one in their low byte (SQLITE_IOERR_WRITE = 778 → 10).
  if (typeof errcode === 'number') return STORAGE_CODES[errcode & 0xff] ?? null;
  if (typeof code === 'string') return NODE_CODES[code] ?? null;
  return null;
}

/** "Not saved on this computer: the disk is full…" — the edit was not acknowledged and stays in the editor. */
export function storageError(reason: string, cause?: unknown): AppError {
  return new AppError({
    code: 'storage',
    message: `Not saved on this computer: ${reason}. Your edit is still in the editor; free some space or fix the folder's permissions and save again.`,
    details: { reason },
    ...(cause !== undefined ? { cause } : {}),
  });
}
