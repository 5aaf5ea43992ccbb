/**
 * The crash test's child: the app's real main-process services (createMainCore: outbox, sync
 * engine, session, catalog, client) behind the real router, making the planned edits from
 * START on, printing "ack N" once edit N is acknowledged (durable). The parent SIGKILLs it at a
 * random moment and starts it again; in FINISH mode it also flushes the queue and prints "done".
 *
 * Env: USER_DATA, BASE_URL, API_KEY, SEED, START, FINISH ("1"), IMAGE_IDS (comma-separated).
 */
import { createMainCore } from '../../../../electron/core';
import { createRouter, trustedOrigin } from '../../../../electron/ipc/router';
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../../shared/ipc';
import { planEdits } from './crashPlan';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
};

const ORIGIN = 'app://pictograph';

async function main(): Promise<void> {
  const imageIds = env('IMAGE_IDS').split(',');
  const edits = planEdits(Number(env('SEED')));
  const start = Number(env('START'));
  const core = await createMainCore(
    {
      userDataDir: env('USER_DATA'),
      appOrigin: ORIGIN,
      host: 'harness',
      version: '0.0.0-crash',
      emit: () => {},
      keychainService: `pictograph-crash-${process.pid}`,
    },
    // Saves are acknowledged once durable; the engine sends in the background (as an editor's autosave would).
    { sync: { interactiveWaitMs: 0, probe: { initialMs: 50, maxMs: 200 }, retryMs: 100 } },
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(ORIGIN), log: () => {} });
  const ok = async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = (await router.dispatch(channel, request, { senderUrl: `${ORIGIN}/index.html` })) as IpcResult<
      ResponseOf<C>
    >;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  await ok('connection:connect', { baseUrl: env('BASE_URL'), apiKey: env('API_KEY') });
  for (const edit of edits.slice(start)) {
    const imageId = imageIds[edit.image]!;
    const { etag } = await ok('annotations:get', { imageId });
    await ok('annotations:save', { imageId, annotations: edit.state, ifMatch: etag });
    process.stdout.write(`ack ${edit.index}\n`);
  }
  if (process.env.FINISH === '1') {
    for (let round = 0; round < 50 && (await ok('sync:flush', {})).queued > 0; round += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const status = await ok('sync:status', {});
    process.stdout.write(
      `done ${JSON.stringify({ queued: status.queued, failed: status.failed, conflicts: status.conflicts })}\n`,
    );
  }
  await core.dispose();
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child failed: ${String(error)}\n`);
  process.exit(1);
});
