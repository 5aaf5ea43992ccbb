import { imageMetaSchema, uploadUrlResultSchema } from '../../../shared/api';
import type { ImageMeta } from '../../../shared/api';
import { AppError } from '../errors';
import { jsonCall, signedUrl } from './calls';
import type { HttpTransport } from './http';
import { MAX_JSON_BYTES } from './options';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface UploadTarget {
  datasetId: string;
  filename: string;
  /** the virtual folder, `/` for the root (§7.2) */
  directoryPath: string;
  contentType: string;
}

export interface UploadSlot {
  uploadId: string;
  uploadUrl: string;
  expiresAt: string | null;
}

export interface RegisterUpload extends UploadTarget {
  uploadId: string;
  fileSize: number;
  width: number | null;
  height: number | null;
}

/**
 * The §7.2 three-step upload. Step 2 goes to the signed URL without the key, whatever origin or
 * path it names; step 1's 409 (same name in the folder) comes back as `conflict` with
 * `details.existing_image_id`, so the caller can skip or rename.
 */
export class UploadsClient {
  constructor(private readonly http: HttpTransport) {}

  async requestSlot(target: UploadTarget, signal?: AbortSignal): Promise<UploadSlot> {
    const value = await jsonCall(this.http, {
      method: 'POST',
      url: this.http.base.api('/images/upload-url'),
      body: {
        dataset_id: target.datasetId,
        filename: target.filename,
        directory_path: target.directoryPath,
        content_type: target.contentType,
      },
      schema: uploadUrlResultSchema,
      signal,
    });
    signedUrl(value.upload_url, 'upload URL');
    return { uploadId: value.upload_id, uploadUrl: value.upload_url, expiresAt: value.expires_at ?? null };
  }

  /** The signed PUT: raw bytes, the declared Content-Type, no key; retried like any PUT (§13.3). */
  async put(
    uploadUrl: string,
    bytes: Uint8Array<ArrayBuffer>,
    contentType: string,
    signal?: AbortSignal,
  ): Promise<void> {
    if (bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new AppError({
        code: 'payload_too_large',
        message: `The file is ${bytes.byteLength} bytes; images may be at most 50 MiB.`,
        details: { maxBytes: MAX_UPLOAD_BYTES },
      });
    }
    await this.http.send({
      method: 'PUT',
      url: signedUrl(uploadUrl, 'upload URL'),
      kind: 'signed',
      headers: { 'Content-Type': contentType },
      body: bytes,
      timing: 'bytes',
      maxBytes: MAX_JSON_BYTES,
      ...(signal ? { signal } : {}),
    });
  }

  register(upload: RegisterUpload, signal?: AbortSignal): Promise<ImageMeta> {
    return jsonCall(this.http, {
      method: 'POST',
      url: this.http.base.api('/images/register'),
      body: {
        upload_id: upload.uploadId,
        dataset_id: upload.datasetId,
        filename: upload.filename,
        directory_path: upload.directoryPath,
        file_size: upload.fileSize,
        mime_type: upload.contentType,
        width: upload.width,
        height: upload.height,
      },
      schema: imageMetaSchema,
      signal,
    });
  }

  /** All three steps for bytes already checked by the caller (type, size, dimensions). */
  async upload(
    target: UploadTarget & { bytes: Uint8Array<ArrayBuffer>; width: number | null; height: number | null },
    signal?: AbortSignal,
  ): Promise<ImageMeta> {
    const slot = await this.requestSlot(target, signal);
    await this.put(slot.uploadUrl, target.bytes, target.contentType, signal);
    return this.register({ ...target, uploadId: slot.uploadId, fileSize: target.bytes.byteLength }, signal);
  }
}
