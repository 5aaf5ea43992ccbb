import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MainCore } from '../../../../electron/core';

// The real 'electron' package cannot be loaded in tests; protocol.handle records the handler, and no
// renderer file is ever read here (net.fetch would fail the test if it were reached).
type Handler = (request: Request) => Promise<Response>;
let handler: Handler | null = null;
vi.mock('electron', () => ({
  protocol: { handle: (_scheme: string, h: Handler) => (handler = h), registerSchemesAsPrivileged: () => {} },
  net: {
    fetch: async (url: string) => {
      throw new Error(`no file should be read: ${url}`);
    },
  },
}));

const { serveAppScheme } = await import('../../../../electron/main/protocol');
const { createMainCore } = await import('../../../../electron/core');

// The real main core (signed out): a well-formed media URL reaches the session and is refused as
// 401, so a 404 "Unknown media URL." proves the URL itself was refused before anything was looked up.
let userDataDir: string;
let core: MainCore;
beforeAll(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'protocol-media-'));
  core = await createMainCore({
    userDataDir,
    appOrigin: 'app://pictograph',
    host: 'harness',
    version: 'test',
    emit: () => {},
    keychainService: `pictograph-protocol-media-${process.pid}`,
  });
  serveAppScheme(join(userDataDir, 'no-renderer-here'), core.resolveMedia);
});
afterAll(async () => {
  await core?.dispose();
  await rm(userDataDir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await handler!(new Request(url));
  return { status: response.status, text: await response.text() };
};

describe('app:// media requests', () => {
  it('takes a well-formed image id and variant to the media resolver (signed out here: 401)', async () => {
    expect(await get('app://pictograph/media/9b2e8a3c-0000-4000-8000-000000000001/full')).toEqual({
      status: 401,
      text: 'Not signed in.',
    });
    expect((await get('app://pictograph/media/abc/thumbnail')).status).toBe(401);
  });

  it.each([
    ['path traversal in the id', 'app://pictograph/media/..%2F..%2Fetc%2Fpasswd/full'],
    ['encoded backslash', 'app://pictograph/media/a%5C..%5Cb/full'],
    ['encoded slash', 'app://pictograph/media/a%2Fb/thumbnail'],
    ['another scheme smuggled as the id', 'app://pictograph/media/https%3A%2F%2Fevil.example%2Fx/full'],
    ['a file URL as the id', 'app://pictograph/media/file%3A%2F%2F%2Fetc%2Fpasswd/full'],
    ['NUL in the id', 'app://pictograph/media/abc%00/full'],
    ['unknown variant', 'app://pictograph/media/abc/original'],
    ['extra segment', 'app://pictograph/media/abc/full/extra'],
    ['no variant', 'app://pictograph/media/abc'],
    ['an id longer than any real one', `app://pictograph/media/${'a'.repeat(300)}/full`],
    ['malformed escape', 'app://pictograph/media/%E0%A4%A/full'],
  ])('refuses %s with 404 before any lookup', async (_label, url) => {
    expect(await get(url)).toEqual({ status: 404, text: 'Unknown media URL.' });
  });

  it('never serves media for another host, and dot segments fall out of /media/ into the confined file path', async () => {
    expect(await get('app://evil/media/abc/full')).toEqual({ status: 404, text: 'Not found' });
    // The URL parser resolves `..` before the handler sees it: this is /secret.txt, a missing renderer file.
    expect(await get('app://pictograph/media/abc/../../secret.txt')).toEqual({ status: 404, text: 'Not found' });
    // `%2e%2e` is a dot segment to WHATWG URL too: /media/%2e%2e/full becomes /full.
    expect(await get('app://pictograph/media/%2e%2e/full')).toEqual({ status: 404, text: 'Not found' });
  });
});
