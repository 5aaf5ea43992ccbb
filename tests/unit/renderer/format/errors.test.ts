import { describe, expect, it } from 'vitest';
import type { IpcError } from '../../../../shared/ipc';
import { IPC_ERROR_CODES } from '../../../../shared/ipc';
import { describeError, errorReportText, retryAfterSeconds, roleMismatch } from '../../../../renderer/format/errors';

describe('describeError', () => {
  it('gives every known code a title of its own and never throws', () => {
    for (const code of IPC_ERROR_CODES) {
      const view = describeError({ code, message: 'x' });
      expect(view.title.length, code).toBeGreaterThan(3);
      expect(view.facts[0]).toEqual({ label: 'Code', value: code, copyable: false });
    }
  });

  it.each<[string, IpcError, string]>([
    ['wrong key', { code: 'invalid_api_key', message: 'Invalid API key', status: 401 }, 'The API key was not accepted'],
    ['unreachable', { code: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9' }, 'Could not reach the server'],
    ['bad url', { code: 'bad_url', message: 'not a URL' }, 'That server address is not valid'],
    ['rate limit', { code: 'rate_limited', message: 'quota', status: 429 }, 'Rate limit reached'],
  ])('%s: titled for people, with the server message kept verbatim', (_name, error, title) => {
    const view = describeError(error);
    expect(view.title).toBe(title);
    expect(view.message).toBe(error.message);
    expect(view.hint).not.toBeNull();
  });

  it('lists HTTP status and a copyable request id when main sent them', () => {
    const view = describeError({ code: 'server_error', message: 'boom', status: 503, requestId: 'req-123' });
    expect(view.facts).toEqual([
      { label: 'Code', value: 'server_error', copyable: false },
      { label: 'HTTP', value: '503', copyable: false },
      { label: 'Request id', value: 'req-123', copyable: true },
    ]);
    expect(view.retryable).toBe(true);
  });

  it('tells how long to wait on a rate limit, whichever spelling carries the seconds', () => {
    for (const details of [{ retryAfterSeconds: 120 }, { retry_after: 120 }, { retryAfter: '120' }]) {
      const error: IpcError = { code: 'rate_limited', message: 'Slow down', status: 429, details };
      expect(retryAfterSeconds(error)).toBe(120);
      const view = describeError(error);
      expect(view.hint).toContain('2 min');
      expect(view.facts).toContainEqual({ label: 'Retry after', value: '2 min', copyable: false });
    }
  });

  it('shows required and current role on a 403', () => {
    const error: IpcError = {
      code: 'forbidden',
      message: 'This needs the member role; your key is a viewer key.',
      status: 403,
      details: { requiredRole: 'member', currentRole: 'viewer' },
    };
    expect(roleMismatch(error)).toEqual({ required: 'member', current: 'viewer' });
    const facts = describeError(error).facts;
    expect(facts).toContainEqual({ label: 'Required role', value: 'member', copyable: false });
    expect(facts).toContainEqual({ label: 'Your role', value: 'viewer', copyable: false });
    expect(roleMismatch({ code: 'forbidden', message: 'x', details: { required_role: 'admin' } })).toEqual({
      required: 'admin',
      current: null,
    });
  });

  it.each<[string, Record<string, unknown> | undefined]>([
    ['no details', undefined],
    ['wrong types', { retryAfterSeconds: 'soon', requiredRole: 42 }],
    ['non-finite', { retryAfterSeconds: Number.POSITIVE_INFINITY }],
    ['blank', { retry_after: '  ', required_role: '' }],
  ])('ignores odd details (%s) instead of crashing', (_name, details) => {
    const error: IpcError = { code: 'rate_limited', message: 'x', ...(details ? { details } : {}) };
    expect(retryAfterSeconds(error)).toBeNull();
    expect(roleMismatch(error)).toBeNull();
    expect(describeError(error).hint).toContain('in a little while');
  });

  it('never shows an empty message', () => {
    expect(describeError({ code: 'internal', message: '   ' }).message).toBe('No further details were given.');
  });
});

describe('errorReportText', () => {
  it('puts everything support needs on separate lines', () => {
    const text = errorReportText({
      code: 'invalid_api_key',
      message: 'Invalid API key',
      status: 401,
      requestId: 'abc',
    });
    expect(text.split('\n')).toEqual([
      'The API key was not accepted: Invalid API key',
      'code: invalid_api_key',
      'http status: 401',
      'request id: abc',
    ]);
  });
});
