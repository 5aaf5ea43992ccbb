import { AppError } from '../errors';

/**
 * Where a streamed body goes instead of memory (an export ZIP of hundreds of MB). `start` is
 * called once per attempt that got a 2xx, before the first chunk, so a retried transfer begins
 * again from an empty sink rather than appending to a broken one.
 */
export interface BodySink {
  start(declaredBytes: number | null): Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
}

export interface StreamBodyOptions {
  maxBytes: number;
  what: string;
  onChunk?: (received: number, total: number | null) => void;
}

function parseContentLength(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

const overCap = (what: string, maxBytes: number, why: string): AppError =>
  new AppError({
    code: 'bad_response',
    message: `The response to ${what} is larger than ${why} (${maxBytes} bytes); the transfer was cut off.`,
    details: { maxBytes },
  });

/**
 * Streams a body into `sink`, one chunk in memory at a time, never past `maxBytes` (the size the
 * API announced, or a cap): more bytes than announced is a hostile or broken server, and stops the
 * transfer instead of filling the disk. A declared Content-Length over the cap fails before any
 * byte is read. Returns the number of bytes written.
 */
export async function streamBodyToSink(
  response: Response,
  sink: BodySink,
  options: StreamBodyOptions,
): Promise<number> {
  const declared = parseContentLength(response.headers.get('content-length'));
  if (declared !== null && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw overCap(options.what, options.maxBytes, 'announced');
  }
  await sink.start(declared);
  if (response.body === null) return 0;
  const reader = response.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw overCap(options.what, options.maxBytes, 'announced');
      }
      await sink.write(value);
      options.onChunk?.(received, declared);
    }
  } finally {
    reader.releaseLock();
  }
  return received;
}
