// Builds what Electron runs: the renderer (Vite) and the main + preload bundles (esbuild).
// Native modules stay external: electron-builder unpacks them from the asar.
// `--out DIR` builds into DIR/dist/renderer and DIR/dist-electron instead of the project root (the
// same layout, so main finds the rest); tests/integration/build uses it to build beside the tree.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string', default: '.' } } });
const root = resolve(values.out);
const rendererOut = join(root, 'dist', 'renderer');
const electronOut = join(root, 'dist-electron');
const external = ['electron', '@napi-rs/keyring', '@napi-rs/canvas', 'sharp'];

execFileSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--outDir', rendererOut, '--emptyOutDir', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
rmSync(electronOut, { recursive: true, force: true });

// Main, and the demo seed's worker as its own file beside it (server/seed/thread.ts looks for it
// there: SEED_WORKER_BUNDLE).
await build({
  entryPoints: {
    index: 'electron/main/index.ts',
    seedWorker: 'server/seed/seedWorker.ts',
  },
  outdir: join(electronOut, 'main'),
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
  outfile: join(electronOut, 'preload', 'index.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
});
console.log(
  `Built into ${root}: dist/renderer, dist-electron/main/{index,seedWorker}.mjs, dist-electron/preload/index.cjs`,
);
