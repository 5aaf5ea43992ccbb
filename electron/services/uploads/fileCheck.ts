import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import sharp from 'sharp';

/** §7.2: at most 50 MiB per image. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The allowed types (§7.2) by the extensions people give them. */
export const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.gif': 'image/gif',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'image/gif': 'GIF',
};

/** The type the first bytes announce, by the same signatures the server checks (§7.2 register 415). */
export function sniffImageType(head: Uint8Array): string | null {
  const at = (offset: number, bytes: number[]): boolean => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  if (at(0, [0x42, 0x4d])) return 'image/bmp';
  if (at(0, [0x49, 0x49, 0x2a, 0x00]) || at(0, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (at(0, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  return null;
}

/** What identifies a file's contents cheaply (size, mtime) and surely (SHA-256). */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface CheckedFile extends Fingerprint {
  contentType: string;
  width: number | null;
  height: number | null;
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; reason: string };

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * The §13.7 checks before anything is sent, each failing with a message that names the file and
 * the problem: an allowed extension, a size within 50 MiB (and not empty), contents whose magic
 * bytes are an allowed image type agreeing with the extension, and a header sharp can read for
 * width and height (a corrupt file fails here, not on the server). Reads the file once.
 */
export async function checkImageFile(path: string): Promise<FileCheck> {
  const name = basename(path);
  const expected = EXTENSION_TYPES[extname(name).toLowerCase()];
  if (!expected) {
    return { ok: false, reason: `${name}: not an image type Pictograph accepts (JPEG, PNG, WebP, BMP, TIFF or GIF).` };
  }
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { ok: false, reason: `${name}: the file is gone or is not a regular file.` };
  if (info.size === 0) return { ok: false, reason: `${name}: the file is empty.` };
  if (info.size > MAX_UPLOAD_BYTES) {
    return { ok: false, reason: `${name} is ${mib(info.size)}; images may be at most 50 MiB.` };
  }
  const bytes = await readFile(path);
  const sniffed = sniffImageType(bytes.subarray(0, 16));
  if (!sniffed) return { ok: false, reason: `${name}: its contents are not an image, whatever its extension says.` };
  if (sniffed !== expected) {
    return {
      ok: false,
      reason: `${name} is named as ${TYPE_NAMES[expected]} but holds a ${TYPE_NAMES[sniffed]} image; rename it to match.`,
    };
  }
  let width: number | null;
  let height: number | null;
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    width = meta.width ?? null;
    height = meta.height ?? null;
    // A header alone can look fine; decoding catches truncated or garbled pixel data.
    await sharp(bytes, { failOn: 'error' }).stats();
  } catch (error) {
    return { ok: false, reason: `${name} is damaged and cannot be read as ${TYPE_NAMES[sniffed]} (${short(error)}).` };
  }
  return {
    ok: true,
    file: {
      size: bytes.byteLength,
      mtimeMs: info.mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: sniffed,
      width,
      height,
    },
  };
}

function short(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}

/** Reads the bytes to send and proves they are the ones checked (size, mtime, hash). */
export async function readUnchanged(
  path: string,
  expected: Fingerprint,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: string }> {
  const name = basename(path);
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return { ok: false, reason: `${name} is gone; it was not uploaded.` };
  try {
    const info = await handle.stat();
    if (info.size !== expected.size || info.mtimeMs !== expected.mtimeMs) {
      return { ok: false, reason: `${name} changed after it was queued; it was not uploaded. Add it again.` };
    }
    const bytes = new Uint8Array(await handle.readFile());
    if (createHash('sha256').update(bytes).digest('hex') !== expected.sha256) {
      return { ok: false, reason: `${name} changed after it was queued; it was not uploaded. Add it again.` };
    }
    return { ok: true, bytes };
  } finally {
    await handle.close();
  }
}

/** After the bytes went up: is the file on disk still what was sent? */
export async function stillUnchanged(path: string, expected: Fingerprint): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.size === expected.size && info.mtimeMs === expected.mtimeMs;
}
