import { describe, expect, it } from 'vitest';
import { createRouter, trustedOrigin } from '../../../../electron/ipc/router';
import type { HandlerMap } from '../../../../electron/ipc/types';
import { AppError } from '../../../../electron/services/errors';
import { channelNames, channels } from '../../../../shared/ipc';

const APP = 'app://pictograph';
const ctx = { senderUrl: `${APP}/index.html` };

/** A handler map where every channel echoes what it received, so tests see what the router passed on. */
function echoHandlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  const map = Object.fromEntries(
    channelNames.map((name) => [name, async (request: unknown) => ({ ok: true, value: { echoed: request } })]),
  ) as unknown as HandlerMap;
  return { ...map, ...overrides };
}

function setup(overrides: Partial<HandlerMap> = {}) {
  const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const router = createRouter({
    handlers: echoHandlers(overrides),
    isTrustedSender: trustedOrigin(APP),
    log: (level, message, fields) => logs.push({ level, message, fields }),
  });
  return { router, logs };
}

describe('router', () => {
  it('passes a valid request to its handler, parsed', async () => {
    const { router } = setup();
    const result = await router.dispatch('images:page', { datasetId: 'd1', limit: 10, offset: 0 }, ctx);
    expect(result).toEqual({ ok: true, value: { echoed: { datasetId: 'd1', limit: 10, offset: 0 } } });
  });

  it('drops calls from another origin, a sub-frame or a garbage URL before looking at the channel', async () => {
    const { router, logs } = setup();
    for (const senderUrl of [
      'https://evil.example/',
      'subframe:app://pictograph/x',
      'app://other/index.html',
      'not a url',
      '',
    ]) {
      const result = await router.dispatch('datasets:list', {}, { senderUrl });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(5);
  });

  it('does not confuse two custom-scheme origins (their WHATWG origin is "null")', () => {
    const trusted = trustedOrigin(APP);
    expect(trusted('app://pictograph/index.html')).toBe(true);
    expect(trusted('evil://pictograph/index.html')).toBe(false);
    expect(trusted('app://pictograph.evil/index.html')).toBe(false);
    expect(trustedOrigin('https://app.pictograph.invalid')('https://app.pictograph.invalid/x?y')).toBe(true);
  });

  it('rejects unknown channels, including prototype names', async () => {
    const { router } = setup();
    for (const channel of ['nope:nothing', 'toString', '__proto__', 'constructor']) {
      const result = await router.dispatch(channel, {}, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('answers invalid_request with the failing field for schema violations', async () => {
    const { router } = setup();
    const result = await router.dispatch('images:page', { datasetId: 'd1', limit: -1, offset: 0 }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message).toContain('limit');
    }
  });

  // Annotations are loose objects (unknown keys are kept) and `attributes` is opaque, so the
  // contract's schema accepts these: only the router's own key check stands between them and a
  // handler that might merge them into an object.
  const box = { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 1, y: 2, w: 3, h: 4 } };
  it.each([
    ['__proto__ on an annotation', '__proto__', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['constructor on an annotation', 'constructor', { constructor: { prototype: { polluted: true } } }],
    ['constructor deep in attributes', 'constructor', { attributes: { meta: { constructor: { polluted: 1 } } } }],
    ['prototype in an attributes list', 'prototype', { attributes: [{ tags: [{ prototype: 1 }] }] }],
    ['__proto__ deep in attributes', '__proto__', JSON.parse('{"attributes":{"a":[{"__proto__":{"x":1}}]}}')],
  ])('rejects %s, which the schema alone lets through', async (_name, key, extra) => {
    const { router } = setup();
    const request = { imageId: 'i', annotations: [{ ...box, ...extra }], ifMatch: null };
    expect(channels['annotations:save'].request.safeParse(request).success).toBe(true);
    expect(await router.dispatch('annotations:save', request, ctx)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: `Request contains a forbidden key: ${key}` },
    });
  });

  it('rejects nesting deeper than a request ever needs', async () => {
    const { router } = setup();
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const request = { imageId: 'i', annotations: [{ ...box, attributes: { deep } }], ifMatch: null };
    expect(await router.dispatch('annotations:save', request, ctx)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'Request contains a forbidden key: (nesting too deep)' },
    });
  });

  it('turns an AppError into its own code and anything else into internal, logged without details leaking', async () => {
    const { router, logs } = setup({
      'datasets:list': async () => {
        throw new AppError({ code: 'network', message: 'Could not reach the server.' });
      },
      'datasets:get': async () => {
        throw new Error('database exploded at /secret/path');
      },
    });
    expect(await router.dispatch('datasets:list', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'network', message: 'Could not reach the server.' },
    });
    const internal = await router.dispatch('datasets:get', { datasetId: 'x' }, ctx);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!internal.ok) expect(internal.error.message).not.toContain('/secret/path');
    expect(logs.some((l) => l.level === 'error' && String(l.fields?.error).includes('database exploded'))).toBe(true);
  });

  // Handlers just throw their AppErrors (there is no per-handler wrapper): this is the one mapping.
  it('answers a thrown AppError with all of it (status, request id, details) and logs nothing', async () => {
    const { router, logs } = setup({
      'datasets:list': async () => {
        throw new AppError({
          code: 'validation_error',
          message: 'Not saved: a problem.',
          status: 422,
          requestId: 'req-7',
          details: { problems: [{ index: 0, field: 'id', message: 'must be a non-blank string' }] },
        });
      },
    });
    expect(await router.dispatch('datasets:list', {}, ctx)).toEqual({
      ok: false,
      error: {
        code: 'validation_error',
        message: 'Not saved: a problem.',
        status: 422,
        requestId: 'req-7',
        details: { problems: [{ index: 0, field: 'id', message: 'must be a non-blank string' }] },
      },
    });
    expect(logs).toEqual([]);
  });
});
