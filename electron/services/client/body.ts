import { AppError } from '../errors';

export interface ReadBodyOptions {
  maxBytes: number;
  /** Called for every chunk: resets idle timers and reports progress. */
  onChunk?: (received: number, total: number | null) => void;
  what: string;
}

const tooLarge = (what: string, maxBytes: number): AppError =>
  new AppError({
    code: 'bad_response',
    message: `The response to ${what} is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB; it was not read.`,
    details: { maxBytes },
  });

/**
 * Reads a whole body into memory, but never more than `maxBytes`: a huge or endless body is cut
 * off with an error instead of exhausting memory. A declared Content-Length over the cap fails
 * before a byte is read.
 */
export async function readBodyCapped(response: Response, options: ReadBodyOptions): Promise<Uint8Array> {
  const declared = parseContentLength(response.headers.get('content-length'));
  if (declared !== null && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(options.what, options.maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(options.what, options.maxBytes);
      }
      chunks.push(value);
      options.onChunk?.(received, declared);
    }
  } finally {
    reader.releaseLock();
  }
  return concat(chunks, received);
}

function parseContentLength(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
