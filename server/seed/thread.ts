import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { BuildSeedOptions } from './build';
import type { SeedRecipe } from './recipe';
import type { SeedWorkerInput, SeedWorkerMessage } from './threadMessages';
import type { SeedDataset, SeedFixture, SeedImage } from './types';

/** The worker's file name in the build output, next to the main bundle (scripts/build.mjs writes it). */
export const SEED_WORKER_BUNDLE = 'seedWorker.mjs';
const SEED_WORKER_SOURCE = 'seedWorker.ts';
/** Parsing the fixture yields to the event loop after this much work. */
const PARSE_SLICE_MS = 8;

/**
 * Where the worker's code is, given the URL of this module's code. The worker sits beside it in
 * both layouts: from source (tsx, vitest) this is server/seed/thread.ts next to seedWorker.ts;
 * bundled, this code is inside dist-electron/main/index.mjs, next to seedWorker.mjs.
 */
export function seedWorkerUrl(moduleUrl: string): URL {
  const fromSource = /\.[cm]?ts$/.test(new URL(moduleUrl).pathname);
  return new URL(`./${fromSource ? SEED_WORKER_SOURCE : SEED_WORKER_BUNDLE}`, moduleUrl);
}

export interface SeedThreadOptions extends BuildSeedOptions {
  /** Another worker file (the build test runs the bundled one); default: the one beside this module. */
  workerUrl?: URL;
}

export interface SeedFromThread {
  fixture: SeedFixture;
  /** The worker's thread id (main's is 0): where the drawing happened. */
  threadId: number;
}

interface WorkerResult {
  threadId: number;
  org: SeedFixture['org'];
  datasets: { meta: string; images: string[] }[];
}

/**
 * `buildSeed` on a worker thread: the images are drawn and encoded, and the cache written and
 * checked, there. This thread receives the fixture as text and parses it in short slices, so its
 * event loop (Electron's main, serving the window) keeps running. The worker's log lines are
 * forwarded. An exception in the worker, a crash (out of memory) or an early exit rejects with a
 * message that says so — never a promise that hangs.
 */
export async function buildSeedInWorker(
  recipe: SeedRecipe,
  cacheDir: string,
  options: SeedThreadOptions = {},
): Promise<SeedFromThread> {
  const url = options.workerUrl ?? seedWorkerUrl(import.meta.url);
  await holdNativeLibraries();
  const result = await runWorker(url, { recipe, cacheDir }, options);
  return { fixture: { org: result.org, datasets: await parseDatasets(result.datasets) }, threadId: result.threadId };
}

function runWorker(url: URL, workerData: SeedWorkerInput, options: SeedThreadOptions): Promise<WorkerResult> {
  const log = options.log ?? (() => undefined);
  const worker = new Worker(url, {
    workerData,
    name: 'pictograph-seed',
    // From source the worker is TypeScript with extensionless imports: it needs tsx's loader.
    execArgv: url.pathname.endsWith('.ts') ? ['--import', tsxLoaderUrl()] : undefined,
  });
  const datasets: WorkerResult['datasets'] = [];
  return new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    const fail = (message: string, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      reject(new Error(`The demo seed worker ${message}`, { cause }));
    };
    worker.on('message', (message: SeedWorkerMessage) => {
      if (settled) return;
      if (message.type === 'log') log(message.line);
      else if (message.type === 'dataset') datasets.push({ meta: message.meta, images: [] });
      else if (message.type === 'image') datasets.at(-1)?.images.push(message.image);
      else if (message.type === 'done') {
        settled = true;
        resolve({ threadId: message.threadId, org: message.org, datasets });
      } else {
        const cause = Object.assign(new Error(message.message), { stack: message.stack });
        fail(`failed: ${message.message}`, cause);
      }
    });
    worker.on('messageerror', (error) => fail(`sent a message that could not be read: ${error.message}`, error));
    worker.on('error', (error) => fail(`crashed: ${error.message}`, error));
    // Messages posted before the worker ended are delivered before 'exit', so a finished run has
    // settled by now; anything else (process.exit, a kill) stopped it half-way.
    worker.on('exit', (code) => fail(`stopped (exit code ${code}) before the seed was ready`));
  });
}

/** Parses the fixture image by image, letting the event loop run every few milliseconds. */
async function parseDatasets(datasets: WorkerResult['datasets']): Promise<SeedDataset[]> {
  const parsed: SeedDataset[] = [];
  let sliceStart = performance.now();
  for (const { meta, images } of datasets) {
    const dataset = { ...(JSON.parse(meta) as Omit<SeedDataset, 'images'>), images: [] as SeedImage[] };
    for (const image of images) {
      dataset.images.push(JSON.parse(image) as SeedImage);
      if (performance.now() - sliceStart > PARSE_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    parsed.push(dataset);
  }
  return parsed;
}

/**
 * Loads the native libraries on this thread before a worker uses them: on glibc Linux a library
 * a worker opened alone is unloaded when that worker exits, which can crash the process
 * (sharp documents this); a reference held here keeps them loaded.
 */
async function holdNativeLibraries(): Promise<void> {
  await Promise.all([import('sharp'), import('@napi-rs/canvas')]);
}

/** tsx's ESM loader as a file URL, resolved from here so the worker does not depend on the cwd. */
function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
