import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { App } from './app';
import { createSessionKeys, ensureOwnerKey, revokeGeneratedKeys } from './bootstrap/keys';
import { applySeed } from './bootstrap/seed';
import { buildExportZip } from './exports';
import { FaultInjector } from './http/faults';
import { IdempotencyGate } from './http/idempotency';
import { createListener } from './http/listener';
import { RateLimiter } from './http/rateLimit';
import { Router } from './http/router';
import { ExportJobRunner } from './jobs/exports';
import { resolveOptions, type ResolvedOptions, type StartServerOptions } from './options';
import { allRoutes } from './routes';
import { handleLocal } from './routes/local';
import { handleStorage } from './routes/storage';
import type { SeedFixture } from './seed/types';
import { UrlSigner } from './signing';
import { createStore, type Store } from './store';
import { BlobStore } from './store/blobs';
import { openDatabase } from './store/db';
import { isoAt, systemClock } from './util/clock';
import { slugify } from './util/slug';

export type { StartServerOptions } from './options';

export interface RunningServer {
  /** e.g. http://127.0.0.1:43121 (no trailing slash) */
  url: string;
  /** fresh keys of each role, created at start */
  keys: { owner: string; admin: string; member: string; viewer: string };
  close(): Promise<void>;
}

const MAINTENANCE_INTERVAL_MS = 60_000;
const SHUTDOWN_GRACE_MS = 10_000;

/** Starts pictograph-local: opens (or creates) the data dir, seeds a new one, listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const opts = resolveOptions(options);
  const clock = opts.clock ?? systemClock;
  await mkdir(opts.dataDir, { recursive: true });
  const blobs = new BlobStore(opts.dataDir);
  await blobs.ensureDirs();
  const db = openDatabase(join(opts.dataDir, 'pictograph-local.db'));
  try {
    const store = createStore(db);
    if (store.meta.get('initialized_at') === undefined) {
      const fixture = await loadSeed(opts);
      if (fixture) await applySeed(store, blobs, fixture, clock);
      store.meta.set('org', JSON.stringify(fixture?.org ?? { name: 'Local Organization', slug: 'local' }));
      store.meta.set('signing_secret', randomBytes(32).toString('hex'));
      store.meta.set('initialized_at', isoAt(clock()));
    }
    const org = resolveOrg(store, opts);
    revokeGeneratedKeys(store);
    const ownerKey = ensureOwnerKey(store, opts.ownerKey, opts.rateLimit, clock);
    const sessionKeys = createSessionKeys(store, opts.rateLimit, clock);
    const app = createApp(store, blobs, opts, org);
    return await listen(app, opts, { owner: ownerKey, ...sessionKeys });
  } catch (error) {
    db.close();
    throw error;
  }
}

async function loadSeed(opts: ResolvedOptions): Promise<SeedFixture | undefined> {
  if (opts.seed === 'none') return undefined;
  if (opts.seed === 'demo') {
    const { buildDemoSeed } = await import('./seed');
    return buildDemoSeed(opts.seedCacheDir, { log: opts.log });
  }
  return opts.seed;
}

function resolveOrg(store: Store, opts: ResolvedOptions): { name: string; slug: string } {
  const stored = JSON.parse(store.meta.get('org') ?? '{}') as { name?: string; slug?: string };
  const name = opts.orgName ?? stored.name ?? 'Local Organization';
  const slug = opts.orgSlug ?? (opts.orgName ? slugify(opts.orgName) : (stored.slug ?? slugify(name)));
  return { name, slug };
}

function createApp(store: Store, blobs: BlobStore, opts: ResolvedOptions, org: { name: string; slug: string }): App {
  const clock = opts.clock ?? systemClock;
  const secret = Buffer.from(store.meta.get('signing_secret')!, 'hex');
  const app: App = {
    store,
    blobs,
    clock,
    signer: new UrlSigner(secret, clock),
    config: {
      testMode: opts.testMode,
      rateLimitWindowMs: opts.rateLimitWindowMs,
      exportDelayMs: opts.exportDelayMs,
      defaultRateLimit: opts.rateLimit,
    },
    rateLimiter: new RateLimiter(clock, opts.rateLimitWindowMs),
    idempotency: new IdempotencyGate(store.idempotency, clock),
    faults: new FaultInjector(),
    exportJobs: undefined as unknown as ExportJobRunner,
    org,
    baseUrl: '',
    log: opts.log,
  };
  app.exportJobs = new ExportJobRunner({
    store,
    blobs,
    clock,
    delayMs: opts.exportDelayMs,
    org: () => app.org,
    baseUrl: () => app.baseUrl,
    buildZip: buildExportZip,
    log: opts.log,
  });
  return app;
}

async function listen(app: App, opts: ResolvedOptions, keys: RunningServer['keys']): Promise<RunningServer> {
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    const settled = work.catch((error: unknown) => app.log(`request failed: ${String(error)}`));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const listener = createListener(
    app,
    new Router(allRoutes),
    {
      storage: (req, path, query) => handleStorage(app, req, path, query),
      local: (req, path) => handleLocal(app, req, path),
    },
    track,
  );
  const server = createServer({ keepAliveTimeout: 5_000 }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  app.baseUrl = `http://${host}:${address.port}`;

  app.exportJobs.resumeUnfinished();
  const maintenance = setInterval(() => void runMaintenance(app), MAINTENANCE_INTERVAL_MS);
  maintenance.unref();
  void runMaintenance(app);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= shutdown(app, server, maintenance, inFlight);
    return closing;
  };
  return { url: app.baseUrl, keys, close };
}

async function runMaintenance(app: App): Promise<void> {
  try {
    app.idempotency.prune();
    await app.exportJobs.sweepExpired();
    const now = app.clock();
    for (const id of app.store.uploads.expiredUnregisteredIds(now)) await app.blobs.remove(app.blobs.stagingPath(id));
    app.store.uploads.deleteExpired(now);
  } catch (error) {
    app.log(`maintenance failed: ${String(error)}`);
  }
}

/** Stop accepting, let in-flight requests and the running export finish, then close the DB. */
async function shutdown(
  app: App,
  server: Server,
  maintenance: NodeJS.Timeout,
  inFlight: Set<Promise<void>>,
): Promise<void> {
  clearInterval(maintenance);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  // Busy keep-alive connections close after their response; cut off stragglers after a grace period.
  const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  await closed;
  clearTimeout(grace);
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  await app.exportJobs.stop();
  app.store.db.close();
}
