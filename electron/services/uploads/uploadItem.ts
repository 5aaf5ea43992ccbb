import { extname } from 'node:path';
import type { PictographClient } from '../client';
import type { AppError } from '../errors';
import { isAppError } from '../errors';
import { checkImageFile, readUnchanged, stillUnchanged } from './fileCheck';
import type { StoredItem } from './queueStore';

/** What one attempt at one file ended in; `retry` means a transient failure worth another go. */
export type ItemOutcome =
  | { kind: 'done'; imageId: string }
  | { kind: 'skipped'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'retry'; error: AppError };

const TRANSIENT = new Set(['network', 'timeout', 'server_error', 'service_unavailable', 'rate_limited']);
const MAX_RENAMES = 50;

/** `a.jpg` → `a (2).jpg`, `a (3).jpg`… for the "upload under a new name" duplicate choice. */
export function renamed(filename: string, n: number): string {
  const ext = extname(filename);
  const stem = ext ? filename.slice(0, -ext.length) : filename;
  return `${stem} (${n})${ext}`;
}

const existingId = (error: AppError): string | null => {
  const id = error.details?.existing_image_id;
  return typeof id === 'string' ? id : null;
};

/**
 * One attempt at one queued file (§7.2, §13.7). `save` persists the item at each step that a
 * restart must know about: the checked fingerprint, the upload slot, and "register may have
 * happened" — so a crash between register and our bookkeeping never uploads the image twice.
 */
export async function uploadItem(
  item: StoredItem,
  options: {
    client: PictographClient;
    duplicates: 'skip' | 'rename';
    save: () => void;
    onBytes: (sent: number) => void;
    signal: AbortSignal;
  },
): Promise<ItemOutcome> {
  const { client, signal } = options;
  try {
    // 1. The file is still what was queued, and passes the local checks.
    if (!item.fingerprint) {
      const check = await checkImageFile(item.path);
      if (!check.ok) return { kind: 'failed', message: check.reason };
      if (check.file.size !== item.queuedSize || check.file.mtimeMs !== item.queuedMtimeMs) {
        return {
          kind: 'failed',
          message: `${item.filename} changed after it was queued; it was not uploaded. Add it again.`,
        };
      }
      const { contentType, width, height, ...fingerprint } = check.file;
      Object.assign(item, { fingerprint, contentType, width, height });
      options.save();
    }
    const read = await readUnchanged(item.path, item.fingerprint!);
    if (!read.ok) return { kind: 'failed', message: read.reason };
    const target = {
      datasetId: item.datasetId,
      directoryPath: item.directoryPath,
      contentType: item.contentType!,
    };

    // 2. A restart while registering: try to finish with the same slot first.
    if (item.phase === 'registering' && item.uploadId) {
      const done = await registerOrRecognise(item, client, signal);
      if (done) return done;
    }

    // 3. A slot under the item's name; 409 means the name is taken in that folder.
    let slot: { uploadId: string; uploadUrl: string } | null = null;
    for (let n = 2; slot === null; n++) {
      try {
        slot = await client.uploads.requestSlot({ ...target, filename: item.filename }, signal);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        // Our own earlier attempt may have registered before a crash: that is this file, done.
        if (item.phase === 'registering' && existingId(error)) return { kind: 'done', imageId: existingId(error)! };
        if (options.duplicates === 'skip') {
          return { kind: 'skipped', message: `${item.filename} already exists in ${item.directoryPath}; skipped.` };
        }
        if (n > MAX_RENAMES) return { kind: 'failed', message: `No free name found for ${item.filename}.` };
        const original = item.filename.replace(/ \(\d+\)(\.[^.]*)?$/, '$1');
        item.filename = renamed(original, n);
      }
    }
    item.uploadId = slot.uploadId;
    item.phase = 'put';
    options.save();

    // 4. The bytes, to the signed URL, without the key.
    await client.uploads.put(slot.uploadUrl, read.bytes, target.contentType, signal);
    options.onBytes(read.bytes.byteLength);

    // 5. Still the same file? Registering bytes that no longer match the file would lie to the user.
    if (!(await stillUnchanged(item.path, item.fingerprint!))) {
      return {
        kind: 'failed',
        message: `${item.filename} changed during the upload; it was not registered. Add it again.`,
      };
    }
    item.phase = 'registering';
    options.save();
    const image = await client.uploads.register(
      {
        ...target,
        filename: item.filename,
        uploadId: slot.uploadId,
        fileSize: read.bytes.byteLength,
        width: item.width,
        height: item.height,
      },
      signal,
    );
    return { kind: 'done', imageId: image.id };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (TRANSIENT.has(error.code)) return { kind: 'retry', error };
    // An expired signed URL (403 on the PUT) or a slot that expired: start again with a new one.
    if (
      (error.code === 'forbidden' && item.phase === 'put') ||
      (error.code === 'not_found' && item.phase === 'registering')
    ) {
      item.phase = 'new';
      item.uploadId = null;
      return { kind: 'retry', error };
    }
    return { kind: 'failed', message: `${item.filename}: ${error.message}` };
  }
}

/** Registers with the remembered slot; null when the slot is gone and a new one is needed. */
async function registerOrRecognise(
  item: StoredItem,
  client: PictographClient,
  signal: AbortSignal,
): Promise<ItemOutcome | null> {
  try {
    const image = await client.uploads.register(
      {
        datasetId: item.datasetId,
        filename: item.filename,
        directoryPath: item.directoryPath,
        contentType: item.contentType!,
        uploadId: item.uploadId!,
        fileSize: item.fingerprint!.size,
        width: item.width,
        height: item.height,
      },
      signal,
    );
    return { kind: 'done', imageId: image.id };
  } catch (error) {
    // 409 "already registered": the earlier attempt got through; the slot step below finds its id.
    if (isAppError(error) && (error.code === 'conflict' || error.code === 'not_found' || error.code === 'bad_request'))
      return null;
    throw error;
  }
}
