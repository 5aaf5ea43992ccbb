import type { z } from 'zod';
import type { ChannelName, IpcResult } from '../../shared/ipc';
import { channels } from '../../shared/ipc';
import { isAppError } from '../services/errors';
import type { CallContext, HandlerMap } from './types';
import type { Log } from '../../shared/log';

export interface RouterOptions {
  handlers: HandlerMap;
  /** True when the calling frame is the app's own page (not an iframe, not a navigated-away page). */
  isTrustedSender: (senderUrl: string) => boolean;
  log?: Log;
}

export interface Router {
  dispatch(channel: string, rawRequest: unknown, context: CallContext): Promise<IpcResult<unknown>>;
}

/** Keys that could poison prototypes if a handler ever merged the request into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

function findForbiddenKey(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return '(nesting too deep)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findForbiddenKey(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** At most five issues of at most ~200 chars each: a hostile 1 MB key name must not echo back whole. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => clip(`${issue.path.length ? clip(issue.path.join('.'), 80) : '(request)'}: ${issue.message}`, 200))
    .join('; ');
}

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(channels, name);

/**
 * The one door into main. Order matters: an untrusted frame learns nothing (not even whether a
 * channel exists), then the request is validated against the contract, then the handler runs.
 * Handlers report expected failures as values; anything they throw is a bug, logged and
 * answered as `internal` so the renderer never sees a stack or a secret.
 */
export function createRouter({ handlers, isTrustedSender, log = () => {} }: RouterOptions): Router {
  return {
    async dispatch(channel, rawRequest, context) {
      if (!isTrustedSender(context.senderUrl)) {
        log('warn', 'IPC call from an untrusted sender dropped', { channel, sender: context.senderUrl.slice(0, 200) });
        return { ok: false, error: { code: 'forbidden_sender', message: 'This frame may not call the app.' } };
      }
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'unknown_channel', message: `Unknown channel ${String(channel).slice(0, 100)}` },
        };
      }
      const forbidden = findForbiddenKey(rawRequest);
      if (forbidden) {
        return {
          ok: false,
          error: { code: 'invalid_request', message: `Request contains a forbidden key: ${forbidden}` },
        };
      }
      const parsed = channels[channel].request.safeParse(rawRequest);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_request', message: describeIssues(parsed.error) } };
      }
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => Promise<IpcResult<unknown>>;
      try {
        return await handler(parsed.data, context);
      } catch (error) {
        if (isAppError(error)) return { ok: false, error: error.toIpcError() };
        log('error', 'IPC handler failed', {
          channel,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
        return {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong in the app. The details are in its log.' },
        };
      }
    },
  };
}

/**
 * Scheme + host + port, compared by hand: for custom schemes such as `app://` the WHATWG `origin`
 * is the opaque "null", which would make every custom-scheme page look alike.
 */
function originKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** The renderer's own origin only (an iframe or a navigated-away page has another URL). */
export function trustedOrigin(appOrigin: string): (senderUrl: string) => boolean {
  const expected = originKey(appOrigin);
  if (!expected) throw new Error(`Bad app origin ${appOrigin}`);
  return (senderUrl) => originKey(senderUrl) === expected;
}
