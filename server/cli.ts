import { parseArgs } from 'node:util';
import { startServer } from './index';

/**
 * `npm run server -- --port 8787 --data DIR --seed demo|none [--test-mode] [--host H]`
 * Prints the URL and one key per role, then runs until SIGINT/SIGTERM, which closes cleanly.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.pictograph-local' },
      seed: { type: 'string', default: 'demo' },
      'test-mode': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`);
  if (values.seed !== 'demo' && values.seed !== 'none')
    throw new Error(`--seed must be demo or none, got "${values.seed}"`);

  const server = await startServer({
    port,
    host: values.host,
    dataDir: values.data!,
    seed: values.seed,
    testMode: values['test-mode'] ? true : undefined,
  });
  console.log(`pictograph-local listening on ${server.url}`);
  console.log(
    `  owner  key: ${server.keys.owner}${process.env.PICTOGRAPH_LOCAL_API_KEY ? ' (from PICTOGRAPH_LOCAL_API_KEY)' : ''}`,
  );
  console.log(`  admin  key: ${server.keys.admin}`);
  console.log(`  member key: ${server.keys.member}`);
  console.log(`  viewer key: ${server.keys.viewer}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests and closing…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
