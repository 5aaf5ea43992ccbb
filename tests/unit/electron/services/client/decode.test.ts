import { describe, expect, it } from 'vitest';
import { datasetSchema, imageMetaSchema } from '../../../../../shared/api';
import type { HttpResponse } from '../../../../../electron/services/client/attempt';
import { decodeList, decodeObject, parseJsonBody } from '../../../../../electron/services/client/decode';

const JSON_TYPE = 'application/json; charset=utf-8';

function response(
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': JSON_TYPE },
): HttpResponse {
  return {
    status: 200,
    headers: new Headers(headers),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    url: new URL('http://127.0.0.1/api/v1/developer/x'),
  };
}

const dataset = {
  id: '3f1c0000-0000-4000-8000-000000000000',
  name: 'Street',
  slug: 'street',
  description: null,
  image_count: 2,
  completed_image_count: 1,
  annotation_count: 3,
  annotation_types: ['bbox'],
  classes: [{ name: 'car', color: '#e6194b', type: 'bbox' }],
  created_at: '2024-01-15T10:30:00.000Z',
  updated_at: '2024-01-15T10:30:00+02:00',
};

const image = {
  id: '9b2e0000-0000-4000-8000-000000000000',
  dataset_id: dataset.id,
  filename: 'a.jpg',
  directory_path: '/',
  width: 10,
  height: 10,
  file_size: 100,
  mime_type: 'image/jpeg',
  status: 'review',
  annotation_count: 0,
  min_confidence: null,
  is_archived: false,
  created_at: '2024-01-15T10:30:00.000Z',
  updated_at: '2024-01-15T10:30:00.000Z',
};

describe('decoding responses', () => {
  it('decodes a bare list with X-Total-Count', () => {
    const page = decodeList(
      response(JSON.stringify([dataset]), { 'content-type': JSON_TYPE, 'x-total-count': '7' }),
      datasetSchema,
      'GET /d',
    );
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(7);
    expect(page.pagination).toBeNull();
  });

  it('unwraps the {data, pagination} envelope (§12)', () => {
    const body = JSON.stringify({ data: [dataset], pagination: { limit: 1, offset: 0, total: 9, has_more: true } });
    const page = decodeList(response(body), datasetSchema, 'GET /d');
    expect(page.items[0]?.name).toBe('Street');
    expect(page.pagination?.has_more).toBe(true);
    expect(page.total).toBe(9);
    expect(decodeObject(response(JSON.stringify({ data: dataset })), datasetSchema, 'GET /d').slug).toBe('street');
  });

  it('accepts content_type for mime_type, unknown statuses and unknown fields (§12)', () => {
    const { mime_type: _dropped, ...rest } = image;
    const decoded = decodeObject(
      response(JSON.stringify({ ...rest, content_type: 'image/png', extra: { a: 1 } })),
      imageMetaSchema,
      'GET /i',
    );
    expect(decoded.mime_type).toBe('image/png');
    expect(decoded.status).toBe('review');
    expect((decoded as Record<string, unknown>).extra).toEqual({ a: 1 });
  });

  it.each([
    [
      'HTML with 200',
      response('<html><body>Login</body></html>', { 'content-type': 'text/html' }),
      /expected JSON but got "text\/html"/,
    ],
    ['no content type', response('[]', {}), /no content type/],
    ['truncated JSON', response('[{"id":"3f1c', { 'content-type': JSON_TYPE }), /malformed or truncated/],
    ['empty body', response('', { 'content-type': JSON_TYPE }), /empty/],
    ['invalid UTF-8', response(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d])), /UTF-8/],
    ['wrong types', response(JSON.stringify([{ ...dataset, image_count: '2' }])), /\[0\]\.image_count/],
    ['an object where a list belongs', response(JSON.stringify({ items: [] })), /expected a list/],
    [
      'a bad envelope pagination',
      response(JSON.stringify({ data: [], pagination: { has_more: 'yes' } })),
      /pagination/,
    ],
  ])('rejects %s as bad_response', (_name, res, pattern) => {
    let caught: unknown;
    try {
      decodeList(res, datasetSchema, 'GET /api/v1/developer/datasets/');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'bad_response', status: 200 });
    expect((caught as Error).message).toMatch(pattern);
  });

  it('rejects an object that fits neither bare nor enveloped', () => {
    expect(() => decodeObject(response(JSON.stringify({ data: { id: 5 } })), datasetSchema, 'GET /d')).toThrow(
      /unexpected response/,
    );
    expect(() => decodeObject(response('"hello"'), datasetSchema, 'GET /d')).toThrow(/unexpected response/);
  });

  it('accepts +json content types', () => {
    expect(parseJsonBody(response('{"a":1}', { 'content-type': 'application/vnd.api+json' }), 'GET /x')).toEqual({
      a: 1,
    });
  });
});
