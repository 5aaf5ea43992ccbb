import { API_KEY_PATTERN, keyPrefixOf } from '../../../shared/api';
import { AppError } from '../errors';
import type { startServer as startServerType } from '../../../server/index';
import { generateApiKey } from '../../../server/util/apiKeys';
import type { SecretStore } from '../secrets/secretStore';
import { DEMO_PROFILE_ID } from '../session/profileStore';
import type { Log } from '../../../shared/log';

/** pictograph-local's entry; loaded lazily (below) so the server code costs nothing until first use. */
type StartServer = typeof startServerType;

export interface DemoLauncherOptions {
  dataDir: string;
  /** The built demo seed (scenes drawn with canvas) is cached here; building it is the slow part. */
  seedCacheDir: string;
  secrets: SecretStore;
  log?: Log;
  /** For tests that want another server entry; defaults to pictograph-local's startServer. */
  startServer?: StartServer;
}

export interface RunningDemo {
  url: string;
  ownerKey: string;
}

/**
 * The embedded demo workspace: pictograph-local in this process on a random loopback port, started
 * at most once (concurrent callers share the start). It is owned by a key the app generates once
 * and keeps in the keychain under the demo profile, so the demo's data stays reachable across runs.
 */
export class DemoLauncher {
  readonly #options: DemoLauncherOptions;
  #starting: Promise<{ demo: RunningDemo; close: () => Promise<void> }> | null = null;
  #closed = false;

  constructor(options: DemoLauncherOptions) {
    this.#options = options;
  }

  ensureStarted(): Promise<RunningDemo> {
    if (this.#closed) return Promise.reject(shutDownError());
    if (!this.#starting) {
      this.#starting = this.#start().catch((error: unknown) => {
        if (error instanceof AppError) throw error;
        this.#options.log?.('error', 'The demo workspace failed to start', { error: String(error) });
        throw new AppError({
          code: 'server_error',
          message: `The demo workspace could not start: ${error instanceof Error ? error.message : String(error)}`,
          cause: error,
        });
      });
      // A failed start may be retried later (e.g. after freeing disk space).
      this.#starting.catch(() => {
        this.#starting = null;
      });
    }
    return this.#starting.then((started) => started.demo);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const starting = this.#starting;
    this.#starting = null;
    if (!starting) return;
    const started = await starting.catch(() => null);
    await started?.close();
  }

  async #start(): Promise<{ demo: RunningDemo; close: () => Promise<void> }> {
    const { dataDir, seedCacheDir, secrets, log = () => {} } = this.#options;
    const ownerKey = await this.#ownerKey(secrets);
    const startServer = this.#options.startServer ?? (await import('../../../server/index')).startServer;
    const startedAt = Date.now();
    // The server's own lines (the seed's progress, drawn on a worker thread; failed requests) go to
    // main's log rather than to a console nobody sees in the packaged app.
    const server = await startServer({
      port: 0,
      dataDir,
      seed: 'demo',
      seedCacheDir,
      ownerKey,
      log: (line) => log('info', `pictograph-local: ${line}`),
    });
    log('info', 'Demo workspace started', {
      url: server.url,
      ms: Date.now() - startedAt,
      keyPrefix: keyPrefixOf(ownerKey),
    });
    if (this.#closed) {
      await server.close();
      throw shutDownError();
    }
    return { demo: { url: server.url, ownerKey }, close: () => server.close() };
  }

  async #ownerKey(secrets: SecretStore): Promise<string> {
    const existing = await secrets.get(DEMO_PROFILE_ID);
    if (existing !== null && API_KEY_PATTERN.test(existing)) return existing;
    const created = generateApiKey();
    await secrets.set(DEMO_PROFILE_ID, created);
    return created;
  }
}

const shutDownError = (): AppError =>
  new AppError({ code: 'cancelled', message: 'The demo workspace was shut down with the app.' });
