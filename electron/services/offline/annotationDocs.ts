import { createHash } from 'node:crypto';
import { Unzip, UnzipInflate } from 'fflate';
import type { UnzipFile } from 'fflate';
import { z } from 'zod';
import { annotationSchema } from '../../../shared/api';
import type { Annotation } from '../../../shared/api';
import type { BodySink } from '../client';
import { AppError } from '../errors';

/** One image's annotations as a `pictograph` export or `GET /annotations/{id}/file` carries them (§7.4, §8.1). */
export interface AnnotationDoc {
  imageId: string;
  annotations: Annotation[];
  /** The server's ETag when it sent one; else derived as §7.4 defines it (see etagOfList). */
  etag: string;
}

/** The fields of the per-image file we rely on; everything else is kept out (we store the list only). */
const perImageFileSchema = z.looseObject({
  image_uuid: z.string().min(1).max(256),
  annotations: z.array(annotationSchema).max(10_000),
});

/** A per-image annotation file larger than this is not a list of at most 10,000 annotations. */
export const MAX_DOC_BYTES = 64 * 1024 * 1024;

/**
 * §7.4: the ETag is the quoted SHA-256 hex of the canonical list JSON, and a `pictograph` export
 * writes the list in that canonical form. So the export's documents carry their ETags implicitly.
 * Should a server compute it differently, the only cost is one 412 and a clean merge on the next
 * save (the base list is this very document), never a lost edit.
 */
export function etagOfList(annotations: readonly Annotation[]): string {
  return `"${createHash('sha256').update(JSON.stringify(annotations)).digest('hex')}"`;
}

/** Parses one per-image file; a malformed one is a `bad_response` naming where it came from. */
export function parseAnnotationDoc(bytes: Uint8Array, where: string, etag: string | null): AnnotationDoc {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new AppError({
      code: 'bad_response',
      message: `${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const parsed = perImageFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError({
      code: 'bad_response',
      message: `${where} is not an annotation file (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`,
    });
  }
  // The list as it was sent, not zod's output: a loose object's keys come back reordered, and the
  // ETag is the hash of the server's own text; unknown fields are kept verbatim either way.
  const annotations = (json as { annotations: Annotation[] }).annotations;
  return { imageId: parsed.data.image_uuid, annotations, etag: etag ?? etagOfList(annotations) };
}

/**
 * A BodySink that unzips a `pictograph` export as it streams in (fflate, entry by entry: one
 * entry's bytes in memory at a time, never the ZIP) and hands each `annotations/….json` document
 * to `onDoc`. A retried transfer calls `start` again: the unzipper starts over (documents are
 * stored idempotently). A broken document is reported through `onBadEntry` and the rest go on.
 */
export class ZipDocSink implements BodySink {
  readonly #onDoc: (doc: AnnotationDoc) => void;
  readonly #onBadEntry: (entry: string, message: string) => void;
  readonly #maxDocBytes: number;
  #unzip: Unzip | null = null;
  #failure: unknown = null;
  #docs = 0;
  #received = 0;
  #entries = 0;

  /** `maxDocBytes`: the per-entry cap (MAX_DOC_BYTES; smaller only in tests, to keep their archives small). */
  constructor(
    onDoc: (doc: AnnotationDoc) => void,
    onBadEntry: (entry: string, message: string) => void,
    maxDocBytes = MAX_DOC_BYTES,
  ) {
    this.#onDoc = onDoc;
    this.#onBadEntry = onBadEntry;
    this.#maxDocBytes = maxDocBytes;
  }

  /** Documents read in the current attempt. */
  get docs(): number {
    return this.#docs;
  }

  start(): Promise<void> {
    this.#failure = null;
    this.#docs = 0;
    this.#received = 0;
    this.#entries = 0;
    const unzip = new Unzip((file) => this.#entry(file));
    unzip.register(UnzipInflate);
    this.#unzip = unzip;
    return Promise.resolve();
  }

  write(chunk: Uint8Array): Promise<void> {
    this.#received += chunk.byteLength;
    this.#push(chunk, false);
    return Promise.resolve();
  }

  /**
   * After the last chunk: flushes the unzipper (fflate refuses an archive that ends inside an
   * entry). One shorter than the export announced, or bytes with no entry at all, fail here too:
   * a ZIP cut between two entries is only caught by its announced size.
   */
  finish(expectedBytes: number | null = null): void {
    this.#push(new Uint8Array(0), true);
    if (expectedBytes !== null && this.#received !== expectedBytes)
      throw new AppError({
        code: 'bad_response',
        message: `The export's ZIP ended after ${this.#received} of ${expectedBytes} bytes.`,
      });
    if (this.#received > 0 && this.#entries === 0)
      throw new AppError({ code: 'bad_response', message: "The export's download is not a ZIP." });
  }

  #push(chunk: Uint8Array, final: boolean): void {
    if (!this.#unzip) throw new Error('ZipDocSink.write before start');
    try {
      this.#unzip.push(chunk, final);
    } catch (error) {
      this.#failure ??= error;
    }
    if (this.#failure !== null) {
      const failure = this.#failure;
      throw failure instanceof AppError
        ? failure
        : new AppError({
            code: 'bad_response',
            message: `The export's ZIP could not be read: ${failure instanceof Error ? failure.message : String(failure)}`,
          });
    }
  }

  #entry(file: UnzipFile): void {
    this.#entries++;
    if (!/^annotations\/.+\.json$/.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (error) {
        this.#failure ??= error;
        return;
      }
      size += data.byteLength;
      if (size > this.#maxDocBytes) {
        file.terminate();
        this.#onBadEntry(file.name, `larger than ${this.#maxDocBytes} bytes`);
        return;
      }
      chunks.push(data);
      if (!final) return;
      const bytes = concat(chunks, size);
      try {
        this.#onDoc(parseAnnotationDoc(bytes, `The export's ${file.name}`, null));
        this.#docs++;
      } catch (error) {
        this.#onBadEntry(file.name, error instanceof Error ? error.message : String(error));
      }
    };
    file.start();
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
