// Builds what Electron runs: the renderer (Vite) and the main + preload bundles (esbuild).
// Native modules stay external: electron-builder unpacks them from the asar.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const external = ['electron', '@napi-rs/keyring', '@napi-rs/canvas', 'sharp'];

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
rmSync('dist-electron', { recursive: true, force: true });

// Main, and the demo seed's worker as its own file beside it (server/seed/thread.ts looks for it
// there: SEED_WORKER_BUNDLE).
await build({
  entryPoints: {
    index: 'electron/main/index.ts',
    seedWorker: 'server/seed/seedWorker.ts',
  },
  outdir: 'dist-electron/main',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  external,
  sourcemap: true,
  // Some bundled CommonJS code calls require(): give ESM output a real one.
  banner: {
    js: "import { createRequire as __pictographRequire } from 'node:module'; const require = __pictographRequire(import.meta.url);",
  },
});

// Sandboxed preloads cannot be ES modules: one CommonJS file, only 'electron' external.
await build({
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload/index.cjs',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
});
console.log('Built dist/renderer, dist-electron/main/index.mjs, dist-electron/preload/index.cjs');
