import { join } from 'node:path';
import type { HandlerMap, MainCore, MainCoreOptions } from '../ipc/types';
import { createAnnotationHandlers } from '../ipc/handlers/annotations';
import { createAppHandlers } from '../ipc/handlers/app';
import { createConnectionHandlers } from '../ipc/handlers/connection';
import { createLibraryHandlers } from '../ipc/handlers/library';
import { PictographClient } from './client';
import type { ClientOptions } from './client';
import { DemoLauncher } from './demo/demoLauncher';
import { MediaBlobCache } from './media/blobCache';
import { MediaResolver } from './media/mediaResolver';
import { LocalReviewStore } from './review/localReviewStore';
import { createSecretStore } from './secrets/keychainStore';
import { KnownDatasets } from './session/knownDatasets';
import { ProfileStore } from './session/profileStore';
import { Session } from './session/session';

export const DEFAULT_KEYCHAIN_SERVICE = 'pictograph-review';

/**
 * Knobs the desktop app never turns but tests need: where the (slow to build) demo seed is
 * cached, and client timing so retry tests don't sleep for real seconds.
 */
export interface CoreTuning {
  demoSeedCacheDir?: string;
  client?: Pick<ClientOptions, 'retries' | 'sleep' | 'random' | 'jsonTimeoutMs' | 'byteIdleTimeoutMs' | 'fetch'>;
  /** How long a media check with the server stays good (see MediaResolver). */
  mediaFreshForMs?: number;
}

/**
 * The composition root shared by Electron's main process and the browser harness: the secret
 * store (probed once), profiles, the session, the embedded demo, the media resolver and the IPC
 * handlers for every channel of the contract.
 */
export async function createMainCore(options: MainCoreOptions, tuning: CoreTuning = {}): Promise<MainCore> {
  const log = options.log ?? (() => {});
  const { userDataDir, emit } = options;
  const secrets = await createSecretStore({ service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE, log });
  const profiles = await ProfileStore.open(userDataDir, log);
  const session = new Session({
    profiles,
    secrets,
    emit,
    log,
    createClient: (baseUrl, apiKey) =>
      new PictographClient({
        ...tuning.client,
        baseUrl,
        apiKey,
        log,
        onRateLimit: (state) => emit('event:rate-limit', state),
      }),
  });
  const demo = new DemoLauncher({
    dataDir: options.demoDataDir ?? join(userDataDir, 'demo'),
    seedCacheDir: tuning.demoSeedCacheDir ?? join(userDataDir, 'demo-seed-cache'),
    secrets,
    log,
  });
  const cache = await MediaBlobCache.open(join(userDataDir, 'media-cache'));
  const media = new MediaResolver({
    appOrigin: options.appOrigin,
    session,
    cache,
    log,
    ...(tuning.mediaFreshForMs !== undefined ? { freshForMs: tuning.mediaFreshForMs } : {}),
  });
  const reviews = await LocalReviewStore.open(userDataDir, log);
  const known = new KnownDatasets();

  const handlers: HandlerMap = {
    ...createAppHandlers({ host: options.host, version: options.version }),
    ...createConnectionHandlers({ session, demo }),
    ...createLibraryHandlers({ session, known, reviews, appOrigin: options.appOrigin }),
    ...createAnnotationHandlers({ session, known, reviews }),
  };

  let disposed: Promise<void> | null = null;
  return {
    handlers,
    resolveMedia: media.resolve,
    dispose: () => (disposed ??= Promise.all([demo.close(), cache.flush()]).then(() => undefined)),
  };
}
