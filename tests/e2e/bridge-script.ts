import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: Promise<string> | null = null;

/**
 * The init script that gives every page `window.api`. It bundles electron/preload/api.ts — the very
 * createApi the Electron preload uses — over two bindings: `__pictographInvoke` (exposeBinding, so
 * main sees which frame called) and `__pictographDeliver` (events pushed from main).
 */
export function bridgeScript(): Promise<string> {
  cached ??= build({
    stdin: {
      contents: `
        import { createApi } from './electron/preload/api';
        const listeners = new Map();
        const deliver = (name, payload) => {
          for (const listener of listeners.get(name) ?? []) {
            try { listener(payload); } catch (error) { console.error(error); }
          }
        };
        Object.defineProperty(window, '__pictographDeliver', { value: deliver });
        const packRequest = (request) => {
          if (request === undefined) return request;
          const text = JSON.stringify(request);
          return typeof text === 'string' && text.length > 65536 ? { __pictographJson: text } : request;
        };
        const api = createApi(
          // A large answer waits in the harness's byte lane: fetched over loopback (see answerPacker in harness.ts).
          // A large request (a whole annotation list) crosses as one JSON string, not value by value.
          (channel, request) => window.__pictographInvoke(channel, packRequest(request)).then((r) => (r && typeof r.__pictographFetch === 'string' ? fetch(r.__pictographFetch, { cache: 'no-store' }).then((res) => { if (!res.ok) throw new Error('The harness lost a large answer (' + res.status + ').'); return res.json(); }) : r)),
          (name, listener) => {
            const set = listeners.get(name) ?? new Set();
            listeners.set(name, set);
            set.add(listener);
            return () => set.delete(listener);
          },
          { pathsOf: (files) => files.map((f) => { const known = window.__pictographFilePaths ?? {}; return Object.hasOwn(known, f.name) ? known[f.name] : ''; }) },
        );
        Object.defineProperty(window, 'api', { value: api, enumerable: true });
      `,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
  }).then((result) => {
    const [file] = result.outputFiles;
    if (!file) throw new Error('esbuild produced no bridge script');
    return file.text;
  });
  return cached;
}
