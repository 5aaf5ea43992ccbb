import type { SeedFixture } from './types';
import type { BuildSeedOptions } from './build';
import { buildSeed } from './build';
import { DEMO_RECIPE } from './recipe';

export type { SeedClass, SeedDataset, SeedFixture, SeedImage, SeedImageStatus } from './types';
export type { SeedRecipe } from './recipe';
export type { BuildSeedOptions } from './build';
export { DEMO_RECIPE } from './recipe';
export { buildSeed } from './build';

/**
 * The demo workspace pictograph-local starts with: "Street scenes" (500 frames), "Aerial tiles"
 * (20 × 4096², 2k–10k polygons each), "Poses and lanes" (40, keypoints and polylines) and an empty
 * "Inbox". Images are painted into `cacheDir/<version>/` on first use (well under 30 s on two
 * cores) and reused afterwards.
 */
export function buildDemoSeed(cacheDir: string, options?: BuildSeedOptions): Promise<SeedFixture> {
  return buildSeed(DEMO_RECIPE, cacheDir, options);
}
