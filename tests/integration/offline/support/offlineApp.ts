import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createMainCore } from '../../../../electron/core';
import type { CoreTuning, MainCore } from '../../../../electron/core';
import { createRouter, trustedOrigin } from '../../../../electron/ipc/router';
import type { ChannelName, IpcResult, OfflineStatus, RequestOf, ResponseOf } from '../../../../shared/ipc';
import { APP_ORIGIN, fastClient } from '../../main/support/coreHarness';

export interface OfflineApp {
  core: MainCore;
  logs: string[];
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  media(imageId: string, variant: 'full' | 'thumbnail'): Promise<number>;
}

export const FAST_OFFLINE: CoreTuning['offline'] = {
  exportTiming: { firstMs: 30, maxMs: 100 },
};

/** A real MainCore behind the real router on a userData folder the test keeps (so it can restart). */
export async function startOfflineApp(
  userDataDir: string,
  keychainService = `pictograph-test-${randomUUID()}`,
  tuning: CoreTuning = {},
): Promise<OfflineApp> {
  const logs: string[] = [];
  const core = await createMainCore(
    {
      userDataDir,
      appOrigin: APP_ORIGIN,
      host: 'harness',
      version: '0.0.0-test',
      emit: () => {},
      keychainService,
      log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
    },
    { client: fastClient, offline: FAST_OFFLINE, sync: { probe: { initialMs: 50, maxMs: 200 } }, ...tuning },
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP_ORIGIN), log: () => {} });
  const call = async <C extends ChannelName>(channel: C, request: RequestOf<C>) =>
    (await router.dispatch(channel, request, { senderUrl: `${APP_ORIGIN}/index.html` })) as IpcResult<ResponseOf<C>>;
  const ok = async <C extends ChannelName>(channel: C, request: RequestOf<C>) => {
    const result = await call(channel, request);
    if (!result.ok) expect.fail(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return {
    core,
    logs,
    call,
    ok,
    async media(imageId, variant) {
      const { url } = await ok('media:url', { imageId, variant });
      return (await core.resolveMedia({ url, headers: {} })).status;
    },
  };
}

/** Polls offline:status until the dataset's download has stopped (complete or failed). */
export async function untilSettled(app: OfflineApp, datasetId: string, timeoutMs = 30_000): Promise<OfflineStatus> {
  return until(app, datasetId, (s) => s.state === 'complete' || s.state === 'failed', timeoutMs);
}

export async function until(
  app: OfflineApp,
  datasetId: string,
  done: (status: OfflineStatus) => boolean,
  timeoutMs = 30_000,
): Promise<OfflineStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await app.ok('offline:status', {})).find((s) => s.datasetId === datasetId);
    if (status && done(status)) return status;
    if (Date.now() > deadline) expect.fail(`offline download did not get there: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
