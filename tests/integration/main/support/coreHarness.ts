import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createRouter, trustedOrigin } from '../../../../electron/ipc/router';
import type { CoreTuning, MainCore } from '../../../../electron/core';
import { createMainCore } from '../../../../electron/core';
import type { MediaResponse } from '../../../../electron/services/media/mediaTypes';
import { createSecretStore } from '../../../../electron/services/secrets/keychainStore';
import type { ChannelName, EventName, IpcResult, RequestOf, ResponseOf } from '../../../../shared/ipc';

export const APP_ORIGIN = 'app://pictograph';
const ctx = { senderUrl: `${APP_ORIGIN}/index.html` };

export interface RecordedEvent {
  name: EventName;
  payload: unknown;
}

export interface CoreHarness {
  core: MainCore;
  userDataDir: string;
  /** Every event main emitted, every IPC answer and every log line: the key-leak test greps them. */
  events: RecordedEvent[];
  answers: unknown[];
  logs: string[];
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  /** Calls and asserts success, returning the value. */
  ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  media(imageId: string, variant: 'full' | 'thumbnail', headers?: Record<string, string>): Promise<MediaResponse>;
  dispose(): Promise<void>;
}

/** Retries in tests wait milliseconds, not the real 1 s·2^n back-off. */
export const fastClient: CoreTuning['client'] = {
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      setTimeout(resolve, Math.min(ms, 20));
    }),
  random: () => 1,
};

/** A real MainCore (own userData folder and keychain service) behind the real router. */
export async function startCore(tuning: CoreTuning = {}): Promise<CoreHarness> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pictograph-main-'));
  const keychainService = `pictograph-test-${randomUUID()}`;
  const events: RecordedEvent[] = [];
  const answers: unknown[] = [];
  const logs: string[] = [];
  const core = await createMainCore(
    {
      userDataDir,
      appOrigin: APP_ORIGIN,
      host: 'harness',
      version: '0.0.0-test',
      emit: (name, payload) => events.push({ name, payload: structuredClone(payload) }),
      keychainService,
      log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
    },
    { client: fastClient, ...tuning },
  );
  const router = createRouter({
    handlers: core.handlers,
    isTrustedSender: trustedOrigin(APP_ORIGIN),
    log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
  });
  const call = async <C extends ChannelName>(channel: C, request: RequestOf<C>) => {
    const result = (await router.dispatch(channel, request, ctx)) as IpcResult<ResponseOf<C>>;
    answers.push(structuredClone(result));
    return result;
  };
  const ok = async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await call(channel, request);
    if (!result.ok) expect.fail(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return {
    core,
    userDataDir,
    events,
    answers,
    logs,
    call,
    ok,
    async media(imageId, variant, headers = {}) {
      const { url } = await ok('media:url', { imageId, variant });
      const response = await core.resolveMedia({ url, headers });
      answers.push({
        status: response.status,
        headers: response.headers,
        body: response.body && Buffer.from(response.body).toString('latin1'),
      });
      return response;
    },
    async dispose() {
      // On a desktop with a real keyring, leave no test entries behind.
      const profiles = await call('connection:profiles', {});
      const secrets = await createSecretStore({ service: keychainService });
      for (const profile of profiles.ok ? profiles.value : []) await secrets.delete(profile.id).catch(() => false);
      await core.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
