import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveAppFile } from '../../electron/main/appFiles';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Reads a file of the built renderer, confined to its folder by the app:// protocol's own rule. */
export async function readStatic(rootDir: string, pathname: string): Promise<StaticFile> {
  const file = resolveAppFile(rootDir, pathname);
  if (file === null) return { status: 404, contentType: 'text/plain', body: Buffer.from('Not found') };
  try {
    const body = await readFile(file);
    return { status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, contentType: 'text/plain', body: Buffer.from('Not found') };
  }
}
