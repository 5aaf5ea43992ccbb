import { describe, expect, it } from 'vitest';
import { codeForStatus, errorFromResponse } from '../../../../../electron/services/client/httpErrors';

const NOW = Date.parse('2024-01-15T10:30:00.000Z');

function fail(status: number, body: unknown, headers: Record<string, string> = {}) {
  return errorFromResponse({
    what: 'GET /api/v1/developer/datasets/',
    status,
    headers: new Headers({ 'x-request-id': 'req-1', ...headers }),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    nowMs: NOW,
  });
}

describe('codeForStatus', () => {
  it.each([
    [400, undefined, 'bad_request'],
    [401, undefined, 'invalid_api_key'],
    [403, undefined, 'forbidden'],
    [404, undefined, 'not_found'],
    [405, 'method_not_allowed', 'bad_request'],
    [409, undefined, 'conflict'],
    [412, undefined, 'precondition_failed'],
    [413, undefined, 'payload_too_large'],
    [415, undefined, 'unsupported_media_type'],
    [422, undefined, 'validation_error'],
    [429, undefined, 'rate_limited'],
    [500, undefined, 'server_error'],
    [502, undefined, 'server_error'],
    [503, undefined, 'service_unavailable'],
    [504, undefined, 'server_error'],
    [599, 'whatever', 'server_error'],
    [402, 'payment_required', 'bad_request'],
    [418, 'not_found', 'not_found'],
    [451, 'rate_limit_exceeded', 'rate_limited'],
  ] as const)('%i (%s) → %s', (status, wire, code) => {
    expect(codeForStatus(status, wire)).toBe(code);
  });
});

describe('errorFromResponse', () => {
  it('names the required and current role on 403', () => {
    const e = fail(403, {
      error: 'forbidden',
      message: 'Insufficient role',
      details: { required_role: 'member', current_role: 'viewer' },
    });
    expect(e.code).toBe('forbidden');
    expect(e.message).toBe('This needs the member role; your key is a viewer key.');
    expect(e.details).toEqual({ requiredRole: 'member', currentRole: 'viewer' });
    expect(e.status).toBe(403);
    expect(e.requestId).toBe('req-1');
    expect(fail(403, { error: 'forbidden', details: { required_role: 'owner', current_role: 'admin' } }).message).toBe(
      'This needs the owner role; your key is an admin key.',
    );
  });

  it('uses the server message on a 403 without roles (a bad signed URL)', () => {
    const e = fail(403, { error: 'forbidden', message: 'Signature expired' });
    expect(e.message).toBe('Signature expired');
    expect(e.details).toEqual({ requiredRole: null, currentRole: null });
  });

  it('asks for a key on 401 whatever the body says', () => {
    const e = fail(401, '<html>nope</html>');
    expect(e.code).toBe('invalid_api_key');
    expect(e.message).toMatch(/Enter a valid key/);
  });

  it('turns details.errors of a 422 into problems', () => {
    const e = fail(422, {
      error: 'validation_error',
      message: 'Invalid annotations',
      details: {
        errors: [
          { index: 2, field: 'polygon.paths[0]', message: 'ring needs at least 3 points' },
          { message: 'x' },
          'junk',
        ],
      },
    });
    expect(e.code).toBe('validation_error');
    expect(e.details?.problems).toEqual([
      { index: 2, field: 'polygon.paths[0]', message: 'ring needs at least 3 points' },
      { message: 'x' },
    ]);
    expect(e.message).toMatch(/2 problems: annotation #3, polygon\.paths\[0\]: ring needs at least 3 points/);
  });

  it('reads FastAPI detail lists as validation problems (§12)', () => {
    const e = fail(422, {
      detail: [
        { loc: ['body', 'annotations', 1, 'bounding_box', 'w'], msg: 'must be > 0' },
        { loc: ['query', 'limit'], msg: 'bad' },
      ],
    });
    expect(e.details?.problems).toEqual([
      { index: 1, field: 'bounding_box.w', message: 'must be > 0' },
      { field: 'limit', message: 'bad' },
    ]);
  });

  it('reads the nested error shape and bare detail strings (§12)', () => {
    const nested = fail(409, {
      error: { code: 'conflict', message: 'Name taken', details: { existing_image_id: 'abc' } },
      detail: 'x',
    });
    expect(nested.code).toBe('conflict');
    expect(nested.message).toBe('Name taken');
    expect(nested.details).toEqual({ existing_image_id: 'abc' });
    const bare = fail(404, { detail: 'Image not found' });
    expect(bare.code).toBe('not_found');
    expect(bare.message).toBe('Image not found');
  });

  it('carries the current ETag on 412 from details or the header', () => {
    expect(fail(412, { error: 'precondition_failed', details: { current_etag: '"abc"' } }).details?.currentEtag).toBe(
      '"abc"',
    );
    expect(fail(412, '', { etag: '"def"' }).details?.currentEtag).toBe('"def"');
  });

  it('reports Retry-After on 429 from the header, else the body, else a default', () => {
    expect(fail(429, { error: 'rate_limit_exceeded', retry_after: 120 }, { 'retry-after': '30' }).details).toEqual({
      retryAfterSeconds: 30,
    });
    const fromBody = fail(429, { error: 'rate_limit_exceeded', message: 'slow down', retry_after: 120 });
    expect(fromBody.code).toBe('rate_limited');
    expect(fromBody.details).toEqual({ retryAfterSeconds: 120 });
    expect(fromBody.message).toMatch(/2 min/);
    expect(fail(429, 'busy').details).toEqual({ retryAfterSeconds: 60 });
  });

  it('handles odd bodies on unknown statuses by class', () => {
    for (const body of [
      '',
      'Payment Required',
      '{"error":42}',
      '[1,2]',
      'null',
      '{"error":"payment_required","message":"Upgrade your plan"}',
    ]) {
      const e = fail(402, body);
      expect(e.code).toBe('bad_request');
      expect(e.status).toBe(402);
      expect(e.message).toMatch(/HTTP 402/);
    }
    expect(fail(402, { error: 'payment_required', message: 'Upgrade your plan' }).message).toMatch(/Upgrade your plan/);
    const teapot = fail(599, '<html>');
    expect(teapot.code).toBe('server_error');
    expect(teapot.message).toMatch(/HTTP 599/);
  });

  it('leaves out requestId when the server sent none, and clips long messages', () => {
    const e = errorFromResponse({
      what: 'GET /x',
      status: 500,
      headers: new Headers(),
      bodyText: JSON.stringify({ error: 'internal_error', message: 'x'.repeat(5000) }),
      nowMs: NOW,
    });
    expect(e.requestId).toBeUndefined();
    expect(e.message.length).toBeLessThan(700);
  });
});
