import type { FaultInjector } from './http/faults';
import type { IdempotencyGate } from './http/idempotency';
import type { RateLimiter } from './http/rateLimit';
import type { ExportJobRunner } from './jobs/exports';
import type { UrlSigner } from './signing';
import type { BlobStore } from './store/blobs';
import type { Store } from './store';
import type { Clock } from './util/clock';
import type { LineLog } from '../shared/log';

export interface AppConfig {
  testMode: boolean;
  rateLimitWindowMs: number;
  /** Pause before each export state change (pending→processing, processing→done). */
  exportDelayMs: number;
  defaultRateLimit: number;
}

/** Everything a route handler may use; one per running server. */
export interface App {
  store: Store;
  blobs: BlobStore;
  signer: UrlSigner;
  clock: Clock;
  config: AppConfig;
  rateLimiter: RateLimiter;
  idempotency: IdempotencyGate;
  faults: FaultInjector;
  exportJobs: ExportJobRunner;
  org: { name: string; slug: string };
  /** Origin of this server, e.g. `http://127.0.0.1:8787`; known once listening. */
  baseUrl: string;
  log: LineLog;
}

export const API_PREFIX = '/api/v1/developer';
