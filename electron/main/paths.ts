import { join } from 'node:path';

// Where main finds the rest of the build, relative to its own bundle (dist-electron/main/index.mjs,
// package.json `main`). No 'electron' import: tests/integration/build checks these against a real
// build, and the packaging test checks that electron-builder ships them.

/** The sandboxed preload bundle (CommonJS), from main's folder. */
export const PRELOAD_FROM_MAIN = '../preload/index.cjs';
/** The renderer's static build (Vite), from main's folder. */
export const RENDERER_FROM_MAIN = '../../dist/renderer';

export function builtPaths(mainDir: string): { preloadPath: string; rendererDir: string } {
  return { preloadPath: join(mainDir, PRELOAD_FROM_MAIN), rendererDir: join(mainDir, RENDERER_FROM_MAIN) };
}
