import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MediaRequest } from '../../../../electron/services/media/mediaTypes';

// The real 'electron' package cannot be loaded in tests. protocol.handle records the handler;
// net.fetch reads the file:// URL from disk, as Electron's does, so the handler runs for real.
type Handler = (request: Request) => Promise<Response>;
let handler: Handler | null = null;
const fetched: string[] = [];
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, h: Handler) => (handler = h),
    registerSchemesAsPrivileged: () => {},
  },
  net: {
    fetch: async (url: string) => {
      fetched.push(url);
      return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'x-from': 'file' } });
    },
  },
}));

const { serveAppScheme } = await import('../../../../electron/main/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../../electron/main/csp');

let base: string;
const mediaRequests: MediaRequest[] = [];

beforeAll(async () => {
  // The renderer folder sits beside a secret and a sibling whose name starts with the folder's.
  base = await mkdtemp(join(tmpdir(), 'pictograph-protocol-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(base, 'renderer-evil'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'EVIL');
  serveAppScheme(join(base, 'renderer'), async (request) => {
    mediaRequests.push(request);
    return { status: 200, headers: { 'content-type': 'image/png' }, body: new Uint8Array([1, 2, 3]) };
  });
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => handler!(new Request(url, init));

describe('app:// protocol', () => {
  it('serves index.html with the one CSP as a header', async () => {
    const response = await get('app://pictograph/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves build assets, with the policy too', async () => {
    const response = await get('app://pictograph/assets/app.js');
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://pictograph/..%2fsecret.txt',
    'app://pictograph/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
    'app://pictograph/%2e%2e%2fsecret.txt',
    'app://pictograph/..%5csecret.txt',
    'app://pictograph/..%2frenderer-evil/x.js',
    'app://pictograph/index.html%00.js',
    'app://pictograph/%E0%A4%A',
    'app://pictograph/assets',
    'app://pictograph/assets/',
    'app://pictograph/missing.js',
    'app://other-host/index.html',
  ])('answers 404 without reading anything outside the build: %s', async (url) => {
    const before = fetched.length;
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    expect(fetched.slice(before)).toEqual([]);
  });

  it('hands /media/ to the media resolver with the request headers', async () => {
    const response = await get('app://pictograph/media/img-1?variant=thumb', { headers: { range: 'bytes=0-1' } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(mediaRequests.at(-1)).toEqual({
      url: 'app://pictograph/media/img-1?variant=thumb',
      headers: { range: 'bytes=0-1' },
    });
  });
});
