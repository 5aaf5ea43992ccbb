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
  // The limiter stays on (it is part of every request's cost) but is never what is measured: the
  // bench sends ~120k requests, which a quiet machine fits in one 30 s window, so the window is 1 s.
  rateLimit: 100_000,
  testMode: { rateLimitWindowMs: 1_000 },
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
