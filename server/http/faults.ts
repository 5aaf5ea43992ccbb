import { ApiError, type ErrorCode } from './apiError';

export const FAULT_STATUSES = [500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

const CODES: Record<FaultStatus, ErrorCode> = {
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

interface FaultRule {
  status: FaultStatus;
  remaining: number;
  pathPrefix: string | undefined;
}

/**
 * Test-mode fault injection (contract §11): the next `count` API requests whose path starts with
 * `path_prefix` (either the full path or one relative to /api/v1/developer) fail with `status`.
 */
export class FaultInjector {
  private rules: FaultRule[] = [];

  add(status: FaultStatus, count: number, pathPrefix: string | undefined): void {
    this.rules.push({ status, remaining: count, pathPrefix });
  }

  /** Consumes one matching fault, returning the error to answer with. */
  take(path: string): ApiError | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.pathPrefix, path));
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return new ApiError(rule.status, CODES[rule.status], `Injected fault (${rule.status}).`);
  }
}

function matches(prefix: string | undefined, path: string): boolean {
  if (prefix === undefined) return true;
  // Paths arrive without their trailing slash (either form is accepted, §1); compare with one so
  // a prefix written in the canonical form (`/datasets/`) matches too.
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return withSlash.startsWith(prefix) || withSlash.startsWith(`/api/v1/developer${prefix}`);
}
