import type { SeedRecipe } from './recipe';
import type { SeedFixture } from './types';

/** What the seed worker is started with (`workerData`): plain data, cloned into the worker. */
export interface SeedWorkerInput {
  recipe: SeedRecipe;
  cacheDir: string;
}

/**
 * Everything the seed worker posts back; exactly one `done` or `failed` ends a run. The fixture
 * comes as text, one message per dataset and per image: cloning its millions of small objects across threads
 * took 3–4 s, and parsing all 47 MB at once would hold the receiving thread for most of a second;
 * image by image, main parses it in slices between which its event loop runs.
 */
export type SeedWorkerMessage =
  | { type: 'log'; line: string }
  | { type: 'dataset'; meta: string }
  | { type: 'image'; image: string }
  | { type: 'done'; threadId: number; org: SeedFixture['org'] }
  | { type: 'failed'; threadId: number; message: string; stack?: string };
