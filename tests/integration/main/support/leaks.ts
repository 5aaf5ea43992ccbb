import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Any full API key, whoever's: none may ever sit in a file, an answer or an event. */
export const ANY_API_KEY = /pk_live_[A-Za-z0-9_-]{43}/;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Every file under `dir` (binary ones included: SQLite, blobs) that holds `secret` as UTF-8,
 * UTF-16 or base64, or holds any full API key at all.
 */
export async function filesContaining(dir: string, secret: string): Promise<{ files: string[]; scanned: number }> {
  const needles = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret).toString('base64')),
  ];
  const files: string[] = [];
  let scanned = 0;
  for await (const path of walk(dir)) {
    scanned += 1;
    const bytes = await readFile(path);
    if (needles.some((n) => bytes.includes(n)) || ANY_API_KEY.test(bytes.toString('latin1'))) files.push(path);
  }
  return { files, scanned };
}
