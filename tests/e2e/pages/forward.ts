import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';

/** A whole upstream answer, buffered (the test proxies look at or rewrite bodies). */
export interface Forwarded {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Sends `req` (its body already read) on to `target` and buffers the answer. Hop-by-hop headers
 * stay behind: `host` and `connection` going up, `connection` and `transfer-encoding` coming back
 * (the proxy answers with a whole body). Shared by the e2e specs' loopback proxies.
 */
export function forward(target: string, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'connection') headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const out = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers }, (answer) => {
      void readAll(answer).then((bytes) => {
        const kept: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && name !== 'connection' && name !== 'transfer-encoding') kept[name] = value;
        }
        resolve({ status: answer.statusCode ?? 502, headers: kept, body: bytes });
      }, reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}
