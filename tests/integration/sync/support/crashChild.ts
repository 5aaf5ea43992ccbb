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
/** The finishing run's flush must have emptied the queue by then (well inside the test's 60 s). */
const FINISH_WITHIN_MS = 30_000;

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
    // Until the queue is empty, not for a number of rounds: on a loaded machine a send may meet a
    // timeout (offline, the probe brings it back) or a retry delay, and a flush then returns early.
    const deadline = Date.now() + FINISH_WITHIN_MS;
    let status = await ok('sync:flush', {});
    while (status.queued > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await ok('sync:flush', {});
    }
    status = await ok('sync:status', {});
    process.stdout.write(`detail ${JSON.stringify({ lastError: status.lastError, paused: status.paused })}\n`);
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
