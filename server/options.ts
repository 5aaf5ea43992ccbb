import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SeedFixture } from './seed/types';
import type { Clock } from './util/clock';
import { HOUR_MS } from './util/clock';
import type { LineLog } from '../shared/log';

export interface StartServerOptions {
  /** 0 = random; default 8787 */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
  /** sqlite db + blobs; created if missing; reused on restart */
  dataDir: string;
  /** applied only when the data dir is new; default 'none' */
  seed?: 'demo' | 'none' | SeedFixture;
  /** passed to buildDemoSeed; default `${os.homedir()}/.cache/pictograph-local/seed` */
  seedCacheDir?: string;
  /** also on when env PICTOGRAPH_LOCAL_TEST_MODE=1 */
  testMode?: boolean | { rateLimitWindowMs?: number; exportDelayMs?: number };
  /** default env PICTOGRAPH_LOCAL_API_KEY, else a new owner key is generated at each start */
  ownerKey?: string;
  orgName?: string;
  orgSlug?: string;
  /** rate_limit of the keys created at start (default 5000) */
  rateLimit?: number;
  log?: LineLog;
  /** Test hook: the time source for every expiry and window (default Date.now). */
  clock?: Clock;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string;
  seed: 'demo' | 'none' | SeedFixture;
  seedCacheDir: string;
  testMode: boolean;
  rateLimitWindowMs: number;
  exportDelayMs: number;
  ownerKey: string | undefined;
  orgName: string | undefined;
  orgSlug: string | undefined;
  rateLimit: number;
  log: LineLog;
  clock: Clock | undefined;
}

export function resolveOptions(options: StartServerOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const testMode =
    options.testMode !== undefined && options.testMode !== false ? true : env.PICTOGRAPH_LOCAL_TEST_MODE === '1';
  const tuning = typeof options.testMode === 'object' ? options.testMode : {};
  const rateLimit = options.rateLimit ?? 5000;
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > 100_000)
    throw new Error('rateLimit must be 1–100000');
  return {
    port: options.port ?? 8787,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir,
    seed: options.seed ?? 'none',
    seedCacheDir: options.seedCacheDir ?? join(homedir(), '.cache', 'pictograph-local', 'seed'),
    testMode,
    // The window and export pacing are only tunable in test mode, as the contract allows.
    rateLimitWindowMs: testMode ? (tuning.rateLimitWindowMs ?? HOUR_MS) : HOUR_MS,
    exportDelayMs: testMode ? (tuning.exportDelayMs ?? 0) : 0,
    ownerKey: options.ownerKey ?? (env.PICTOGRAPH_LOCAL_API_KEY || undefined),
    orgName: options.orgName,
    orgSlug: options.orgSlug,
    rateLimit,
    log: options.log ?? ((line) => console.log(line)),
    clock: options.clock,
  };
}
