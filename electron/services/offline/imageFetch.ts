import { createHash } from 'node:crypto';
import type { DownloadItem } from '../../../shared/api';
import type { BlobStore } from '../catalog/blobStore';
import { AppError, isAppError } from '../errors';
import { makeThumbnail } from '../media/localThumbnail';
import type { UseClient } from './exportAnnotations';
import type { SignedUrls } from './listing';

/** A content ETag (§7.2: the quoted SHA-256 hex of the bytes), or null when the server sent another kind. */
function sha256Etag(etag: string | null): string | null {
  const match = /^(?:W\/)?"?([0-9a-f]{64})"?$/i.exec(etag?.trim() ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** Thrown for bytes that are not what the listing announced: reported per image, never stored. */
export const checkFailed = (message: string): AppError => new AppError({ code: 'bad_response', message });

/**
 * Downloads one image through its signed URL (not counted, §10), checks it against the listing
 * (size) and its own ETag (checksum), and stores it in the blob store with a thumbnail made here
 * (so browsing offline never needs the server's thumbnail route). An expired URL (403) is
 * refreshed once through the listing. Returns the bytes stored.
 */
export async function fetchImage(input: {
  use: UseClient;
  urls: SignedUrls;
  blobs: BlobStore;
  profileId: string;
  imageId: string;
  signal: AbortSignal;
}): Promise<number> {
  const { use, urls, blobs, profileId, imageId, signal } = input;
  for (let attempt = 0; ; attempt++) {
    const generation = urls.generation;
    const item: DownloadItem | undefined = urls.item(imageId);
    if (!item?.image_url) throw checkFailed('The server gave no download address for this image.');
    const url = item.image_url;
    let result;
    try {
      result = await use((client) => client.fetchBodyUrl(url, { signal }));
    } catch (error) {
      if (isAppError(error) && error.code === 'forbidden' && attempt === 0) {
        await urls.refresh(generation);
        continue;
      }
      throw error;
    }
    if (result.notModified) throw checkFailed('The server answered "not modified" to a plain download.');
    const { bytes } = result;
    if (bytes.byteLength !== item.file_size)
      throw checkFailed(`The download has ${bytes.byteLength} bytes; the server announced ${item.file_size}.`);
    const expected = sha256Etag(result.etag);
    if (expected !== null && createHash('sha256').update(bytes).digest('hex') !== expected)
      throw checkFailed('The downloaded bytes do not match their checksum (ETag); the copy was not kept.');
    const full = await blobs.put({ profileId, imageId, variant: 'full' }, bytes, {
      etag: result.etag,
      contentType: result.contentType,
      source: 'server',
      basedOn: null,
    });
    const thumbnail = await makeThumbnail(bytes);
    await blobs.put({ profileId, imageId, variant: 'thumbnail' }, thumbnail.bytes, {
      etag: null,
      contentType: thumbnail.contentType,
      source: 'local',
      basedOn: full.hash,
    });
    return bytes.byteLength;
  }
}
