import { startServer } from '../../server/index';
import { buildTestFixture } from '../support/serverFixture';

/**
 * pictograph-local in its own process for the exports/uploads benchmark, seeded with the small
 * test fixture (the bench uploads into its datasets), so the main process measured is the app's
 * alone. Prints `{"url","keys"}` as one JSON line; closes on SIGTERM.
 */
const dataDir = process.argv[2];
const fixtureDir = process.argv[3];
if (!dataDir || !fixtureDir) throw new Error('usage: exportsServerChild.ts <dataDir> <fixtureDir>');
const server = await startServer({
  port: 0,
  dataDir,
  seed: await buildTestFixture(fixtureDir),
  rateLimit: 100_000,
  testMode: true,
  log: () => undefined,
});
process.stdout.write(`${JSON.stringify({ url: server.url, keys: server.keys })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
