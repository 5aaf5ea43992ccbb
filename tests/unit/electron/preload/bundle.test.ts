import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The preload bundle as scripts/build.mjs makes it (CommonJS, only 'electron' external), built in
 * memory. The preload needs the channel and event names alone; importing the contract's values
 * instead would drag every zod schema in (it was 771 KB that way, 1.8 KB without).
 */
const MAX_PRELOAD_BYTES = 50 * 1024;

async function bundlePreload() {
  const result = await build({
    entryPoints: ['electron/preload/index.ts'],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('preload bundle', () => {
  it('is small and carries no zod: only the glue, createApi and the names', async () => {
    const { text, inputs } = await bundlePreload();
    expect.soft(text).not.toMatch(/zod/i);
    expect.soft(text.length).toBeLessThan(MAX_PRELOAD_BYTES);
    expect.soft(inputs.sort()).toEqual(['electron/preload/api.ts', 'electron/preload/index.ts', 'shared/ipc/names.ts']);
  }, 30_000);
});
