import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { ResolveMedia } from '../services/media/mediaTypes';
import { resolveAppFile } from './appFiles';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before `app.ready`: app:// behaves like https (origin, storage, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` and media under /media/ through the same resolver
 * the browser harness uses. Paths are confined to rendererDir (appFiles.ts); files carry the CSP header.
 */
export function serveAppScheme(rendererDir: string, resolveMedia: ResolveMedia): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/media/')) {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => (headers[key] = value));
      const media = await resolveMedia({ url: request.url, headers });
      return new Response(media.body ? Buffer.from(media.body) : null, {
        status: media.status,
        headers: media.headers,
      });
    }
    const file = resolveAppFile(rendererDir, url.pathname);
    // Only regular files: a folder would come back from file:// as a listing page.
    if (file === null || !(await stat(file).catch(() => null))?.isFile()) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    // Every file gets the policy, not only .html: any response can end up rendered as a document.
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
