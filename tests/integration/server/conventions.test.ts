import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer, type TestServer } from '../../support/server';
import { API, UNKNOWN_UUID, call, datasetId, imageId } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('auth', () => {
  it('401 without a key, with a malformed or unknown key, and with Bearer only', async () => {
    const unknownKey = `pk_live_${'A'.repeat(43)}`;
    for (const res of [
      await call(server, 'GET', '/datasets/', { key: null }),
      await call(server, 'GET', '/datasets/', { key: 'pk_live_short' }),
      await call(server, 'GET', '/datasets/', { key: unknownKey }),
      await call(server, 'GET', '/datasets/', { key: null, headers: { Authorization: `Bearer ${server.keys.owner}` } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'invalid_api_key', message: expect.any(String) });
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('also guards the api-keys routes', async () => {
    expect((await call(server, 'GET', '/api/v1/api-keys/', { key: null })).status).toBe(401);
  });
});

describe('X-Request-Id', () => {
  it('echoes a valid client id and replaces an invalid one with a UUID v4', async () => {
    const echoed = await call(server, 'GET', '/datasets/', { headers: { 'X-Request-Id': 'abc.DEF_123-x' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc.DEF_123-x');
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon']) {
      const res = await call(server, 'GET', '/datasets/', { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('is present on errors, 401 and unknown non-API paths too', async () => {
    for (const res of [
      await call(server, 'GET', `${server.url}/nope`, { key: null }),
      await call(server, 'GET', '/datasets/', { key: null }),
    ]) {
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });
});

describe('routing', () => {
  it('accepts both trailing-slash forms', async () => {
    const a = await call(server, 'GET', '/datasets/');
    const b = await call(server, 'GET', '/datasets');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    const id = await datasetId(server, STREET);
    expect((await call(server, 'GET', `/datasets/${id}/`)).status).toBe(200);
  });

  it('404 for unknown paths, with the flat error body', async () => {
    const res = await call(server, 'GET', '/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'not_found', message: expect.any(String) });
    expect((await call(server, 'GET', `${server.url}/`, { key: null })).status).toBe(404);
  });

  it('405 with Allow and details.allowed for unlisted methods', async () => {
    const res = await call(server, 'PUT', '/datasets/');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.json).toEqual({
      error: 'method_not_allowed',
      message: expect.any(String),
      details: { allowed: ['GET'] },
    });
    const images = await call(server, 'PATCH', `/images/${UNKNOWN_UUID}`);
    expect(images.headers.get('allow')).toBe('GET, DELETE');
  });

  it('404 for non-UUID and unknown ids', async () => {
    for (const path of [
      '/datasets/123',
      `/datasets/${UNKNOWN_UUID}`,
      '/images/ABC/metadata',
      `/annotations/${UNKNOWN_UUID.toUpperCase()}`,
    ]) {
      const res = await call(server, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.json.error).toBe('not_found');
    }
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const res = await call(server, 'OPTIONS', '/datasets/', {
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).toBe(405);
  });
});

describe('order of checks', () => {
  it('bad key + unknown route → 401', async () => {
    expect((await call(server, 'GET', '/no-such-thing', { key: 'bad' })).status).toBe(401);
  });

  it('viewer + unknown route → 404, viewer + known route → 403 before the resource 404', async () => {
    expect((await call(server, 'POST', '/nowhere', { key: server.keys.viewer, body: {} })).status).toBe(404);
    const res = await call(server, 'DELETE', `/images/${UNKNOWN_UUID}`, { key: server.keys.viewer });
    expect(res.status).toBe(403);
  });

  it('body parsing (415) comes before the role check (403)', async () => {
    const res = await call(server, 'POST', '/exports/', {
      key: server.keys.viewer,
      raw: 'x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(415);
  });

  it('role (403) before path resource (404) before body validation (422)', async () => {
    const body = { annotations: 'nope' };
    expect((await call(server, 'POST', `/annotations/${UNKNOWN_UUID}`, { key: server.keys.viewer, body })).status).toBe(
      403,
    );
    expect((await call(server, 'POST', `/annotations/${UNKNOWN_UUID}`, { key: server.keys.member, body })).status).toBe(
      404,
    );
    const id = await imageId(server, STREET, 'scene_000.png');
    expect((await call(server, 'POST', `/annotations/${id}`, { key: server.keys.member, body })).status).toBe(422);
  });
});

describe('JSON bodies', () => {
  const post = (raw: string | Uint8Array, contentType = 'application/json') =>
    call(server, 'POST', '/exports/', { raw, headers: { 'Content-Type': contentType } });

  it('400 for malformed JSON, non-object top level, empty body and invalid UTF-8', async () => {
    for (const raw of ['{"a":', '[1,2]', '"text"', 'null', '', new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const res = await post(raw);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('bad_request');
    }
  });

  it('415 for missing or non-JSON content types, 200-class with a charset parameter', async () => {
    expect((await call(server, 'POST', '/exports/', { raw: '{}' })).status).toBe(415);
    const res = await post('{}', 'text/plain');
    expect(res.status).toBe(415);
    expect(res.json).toEqual({
      error: 'unsupported_media_type',
      message: expect.any(String),
      details: { allowed: ['application/json'] },
    });
    expect((await post('{}', 'application/json; charset=utf-8')).status).toBe(422);
  });

  it('413 above 10 MiB with details.max_bytes', async () => {
    const big = `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error: 'payload_too_large',
      message: expect.any(String),
      details: { max_bytes: 10 * 1024 * 1024 },
    });
    // The connection stays usable afterwards.
    expect((await call(server, 'GET', '/datasets/')).status).toBe(200);
  });

  it('422 for unknown body fields, naming each', async () => {
    const res = await call(server, 'POST', '/exports/', {
      body: { dataset_name: STREET, name: 'x', bogus: 1, other: 2 },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('validation_error');
    expect(res.json.details.errors).toEqual([
      { field: 'bogus', message: 'unknown field' },
      { field: 'other', message: 'unknown field' },
    ]);
  });
});

describe('query parameters', () => {
  it('ignores unknown parameters and rejects malformed booleans', async () => {
    const id = await datasetId(server, STREET);
    expect((await call(server, 'GET', `/images/?dataset_id=${id}&whatever=1`)).status).toBe(200);
    for (const bad of ['TRUE', '1', 'yes', '']) {
      const res = await call(server, 'GET', `/images/?dataset_id=${id}&include_archived=${bad}`);
      expect(res.status).toBe(400);
      expect(res.json.details).toEqual({ parameter: 'include_archived' });
    }
  });

  it('timestamps are ISO-8601 UTC with milliseconds', async () => {
    const res = await call(server, 'GET', '/datasets/');
    for (const d of res.json as { created_at: string; updated_at: string }[]) {
      expect(d.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(d.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });
});

it('API prefix constant matches the contract', () => {
  expect(API).toBe('/api/v1/developer');
});
