import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET, startTestServer, type TestServer } from '../../support/server';
import { call, datasetId } from './helpers';

let server: TestServer;
let street: string;
beforeAll(async () => {
  server = await startTestServer();
  street = await datasetId(server, STREET);
});
afterAll(() => server.close());

const LISTS = ['/datasets/', `/images/?dataset_id=DS`, '/exports/', '/api/v1/api-keys/'];
const withParams = (path: string, params: string) =>
  `${path.replace('DS', street)}${path.includes('?') ? '&' : '?'}${params}`;

describe('limit and offset (contract §5)', () => {
  it('limit=0 returns [] with the total still counted', async () => {
    for (const path of LISTS) {
      const res = await call(server, 'GET', withParams(path, 'limit=0'));
      expect(res.status, path).toBe(200);
      expect(res.json).toEqual([]);
      expect(Number(res.headers.get('x-total-count'))).toBeGreaterThanOrEqual(0);
    }
  });

  it('limit above 1000 is clamped; 1000 is accepted', async () => {
    for (const limit of [1000, 1001, 999999]) {
      const res = await call(server, 'GET', withParams(LISTS[1]!, `limit=${limit}`));
      expect(res.status).toBe(200);
      expect(res.json).toHaveLength(12);
    }
  });

  it('400 with details.parameter for negative, fractional, empty or non-numeric values', async () => {
    for (const path of LISTS) {
      for (const [param, value] of [
        ['limit', '-1'],
        ['limit', '1.5'],
        ['limit', 'abc'],
        ['limit', ''],
        ['offset', '-1'],
        ['offset', '2.0'],
        ['offset', '1e2'],
      ]) {
        const res = await call(server, 'GET', withParams(path, `${param}=${value}`));
        expect(res.status, `${path} ${param}=${value}`).toBe(400);
        expect(res.json).toEqual({ error: 'bad_request', message: expect.any(String), details: { parameter: param } });
      }
    }
  });

  it('pages are stable and complete; offset past the end is []', async () => {
    const all = (await call(server, 'GET', withParams(LISTS[1]!, 'limit=1000'))).json as { id: string }[];
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 5) {
      const page = await call(server, 'GET', withParams(LISTS[1]!, `limit=5&offset=${offset}`));
      expect(page.headers.get('x-total-count')).toBe('12');
      paged.push(...(page.json as { id: string }[]).map((i) => i.id));
    }
    expect(paged).toEqual(all.map((i) => i.id));
    const past = await call(server, 'GET', withParams(LISTS[1]!, 'offset=12'));
    expect(past.json).toEqual([]);
    expect(past.headers.get('x-total-count')).toBe('12');
    const defaultLimit = await call(server, 'GET', '/datasets/?offset=1');
    expect(defaultLimit.json).toHaveLength(2);
  });
});
