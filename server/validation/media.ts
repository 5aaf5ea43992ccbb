import { open } from 'node:fs/promises';

export const ALLOWED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'image/gif',
] as const;
export type ImageMimeType = (typeof ALLOWED_IMAGE_TYPES)[number];
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** The media type without parameters, lowercased; `undefined` if it is not an allowed image type. */
export function allowedImageType(value: string | undefined): ImageMimeType | undefined {
  const essence = value?.split(';')[0]?.trim().toLowerCase();
  return (ALLOWED_IMAGE_TYPES as readonly string[]).includes(essence ?? '') ? (essence as ImageMimeType) : undefined;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** True when the first bytes are a signature of `mime` (contract §7.2 register: 415 otherwise). */
export function magicMatches(mime: ImageMimeType, head: Uint8Array): boolean {
  const startsWith = (sig: number[], at = 0): boolean => sig.every((b, i) => head[at + i] === b);
  switch (mime) {
    case 'image/jpeg':
      return startsWith([0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/gif':
      return startsWith(ascii('GIF87a')) || startsWith(ascii('GIF89a'));
    case 'image/webp':
      return startsWith(ascii('RIFF')) && startsWith(ascii('WEBP'), 8);
    case 'image/bmp':
      return startsWith(ascii('BM'));
    case 'image/tiff':
      return startsWith([0x49, 0x49, 0x2a, 0x00]) || startsWith([0x4d, 0x4d, 0x00, 0x2a]);
  }
}

export async function readHead(path: string, length = 16): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
