import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/api/common';
import type { App } from '../app';
import type { ApiKeyRow } from '../store/apiKeys';
import type { Reply } from './reply';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

export interface RequestContext {
  app: App;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON object body of POST/PATCH routes; `{}`-typed access is the handler's job. */
  body: Record<string, unknown>;
  key: ApiKeyRow;
  requestId: string;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface RouteDef {
  method: HttpMethod;
  /** Canonical path with `:name` segments, e.g. `/api/v1/developer/images/:id/metadata`. */
  path: string;
  minRole: Role;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: HttpMethod[] }
  | { kind: 'not_found' };

interface CompiledRoute {
  route: RouteDef;
  segments: string[];
  literalCount: number;
}

/** Strips one trailing slash so `/datasets` and `/datasets/` are the same path (contract §1). */
export function normalizePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * A table router. When several patterns match a path (`/images/upload-url` vs `/images/:id`) the
 * one with more literal segments wins for its methods; 405's `Allow` lists every method any
 * matching pattern accepts.
 */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map((route) => {
      const segments = normalizePath(route.path).split('/');
      return { route, segments, literalCount: segments.filter((s) => !s.startsWith(':')).length };
    });
    this.compiled.sort((a, b) => b.literalCount - a.literalCount);
  }

  match(method: string, rawPath: string): RouteMatch {
    const segments = normalizePath(rawPath).split('/');
    const allowed = new Set<HttpMethod>();
    for (const candidate of this.compiled) {
      const params = matchSegments(candidate.segments, segments);
      if (!params) continue;
      if (candidate.route.method === method) return { kind: 'found', route: candidate.route, params };
      allowed.add(candidate.route.method);
    }
    if (allowed.size === 0) return { kind: 'not_found' };
    const order: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    return { kind: 'method_not_allowed', allowed: order.filter((m) => allowed.has(m)) };
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      if (a === '') return undefined;
      params[p.slice(1)] = a;
    } else if (p !== a) return undefined;
  }
  return params;
}
