/**
 * What the demo workspace contains. The recipe (with its version) is the cache key: any change
 * to planning or painting code must bump `version`, because cached images are reused as long as
 * the recipe matches. Tests build scaled-down recipes with the same code.
 */
export interface SeedRecipe {
  /** cache folder name; bump on any change that alters images or annotations */
  version: string;
  /** root of every per-image random stream */
  seed: string;
  org: { name: string; slug: string };
  street: { count: number; width: number; height: number; jpegQuality: number };
  aerial: { count: number; size: number; minPolygons: number; maxPolygons: number; jpegQuality: number };
  poses: { count: number; width: number; height: number };
}

export const DEMO_RECIPE: SeedRecipe = {
  version: 'demo-v2',
  seed: 'pictograph-demo-2026',
  org: { name: 'Pictograph Demo', slug: 'pictograph-demo' },
  street: { count: 500, width: 1280, height: 720, jpegQuality: 80 },
  aerial: { count: 20, size: 4096, minPolygons: 2000, maxPolygons: 10000, jpegQuality: 78 },
  poses: { count: 40, width: 960, height: 540 },
};
