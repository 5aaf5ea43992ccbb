import { startServer } from '../../server/index';

/**
 * Runs pictograph-local in its own process for the benchmark, so resident memory is the server's
 * alone. Prints `{"url","keys"}` as one JSON line, closes cleanly on SIGTERM.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serverChild.ts <dataDir>');
const server = await startServer({
  port: 0,
  dataDir,
  seed: 'none',
  rateLimit: 100_000,
  // 100k requests must fit the quota: a 30 s window (still enforced) instead of an hour.
  testMode: { rateLimitWindowMs: 30_000 },
  log: () => undefined,
});
process.stdout.write(`${JSON.stringify({ url: server.url, keys: server.keys })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
// The benchmark asks for a memory reading: full GC first, so heapUsed is live data only.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heapUsed })}\n`);
});
