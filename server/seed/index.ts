import type { SeedFixture } from './types';
import type { BuildSeedOptions } from './build';
import { DEMO_RECIPE } from './recipe';
import { buildSeedInWorker } from './thread';

export type { SeedClass, SeedDataset, SeedFixture, SeedImage, SeedImageStatus } from './types';
export type { SeedRecipe } from './recipe';
export type { BuildSeedOptions } from './build';
export { DEMO_RECIPE } from './recipe';
export { buildSeed } from './build';
export type { SeedFromThread, SeedThreadOptions } from './thread';
export { buildSeedInWorker, SEED_WORKER_BUNDLE } from './thread';

/**
 * The demo workspace pictograph-local starts with: "Street scenes" (500 frames), "Aerial tiles"
 * (20 × 4096², 2k–10k polygons each), "Poses and lanes" (40, keypoints and polylines) and an empty
 * "Inbox". Images are painted into `cacheDir/<version>/` on first use (well under 30 s on two
 * cores) and reused afterwards — on a worker thread, so the caller's event loop (Electron's main,
 * serving the window) is never held up by the drawing.
 */
export async function buildDemoSeed(cacheDir: string, options?: BuildSeedOptions): Promise<SeedFixture> {
  const { fixture, threadId } = await buildSeedInWorker(DEMO_RECIPE, cacheDir, options);
  options?.log?.(`demo seed: ready, prepared on worker thread ${threadId}`);
  return fixture;
}
