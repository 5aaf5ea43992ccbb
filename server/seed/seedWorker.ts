// The seed worker's entry: draws (or loads from the cache) the images of one recipe on its own
// thread, so the process that asked — Electron's main, whose event loop also serves the window —
// stays responsive. Bundled as its own file next to main (scripts/build.mjs); started by thread.ts.
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { buildSeed } from './build';
import type { SeedWorkerInput, SeedWorkerMessage } from './threadMessages';

if (isMainThread || !parentPort) {
  throw new Error('seedWorker runs only as a worker thread: use buildSeedInWorker (server/seed/thread.ts)');
}
const port = parentPort;
const post = (message: SeedWorkerMessage): void => port.postMessage(message);
const { recipe, cacheDir } = workerData as SeedWorkerInput;

try {
  const fixture = await buildSeed(recipe, cacheDir, { log: (line) => post({ type: 'log', line }) });
  for (const { images, ...meta } of fixture.datasets) {
    post({ type: 'dataset', meta: JSON.stringify(meta) });
    for (const image of images) post({ type: 'image', image: JSON.stringify(image) });
  }
  post({ type: 'done', threadId, org: fixture.org });
} catch (error) {
  // An exception is answered as a message (with its text), so main can name it; only a crash
  // (out of memory, process.exit) reaches main as the Worker's 'error'/'exit' instead.
  const failure = error instanceof Error ? error : new Error(String(error));
  post({ type: 'failed', threadId, message: failure.message, stack: failure.stack });
}
