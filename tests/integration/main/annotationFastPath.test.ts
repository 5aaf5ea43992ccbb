import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationListSchema, decodeAnnotationListFast } from '../../../shared/api';
import type { Dataset, ImageMeta } from '../../../shared/api';
import { startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';

/** What zod makes of `raw`: the same value and the same JSON text (key order included), or a failure. */
function zodOf(raw: unknown): string | null {
  const parsed = annotationListSchema.safeParse(raw);
  return parsed.success ? JSON.stringify(parsed.data) : null;
}

const good = {
  image_id: 'img-1',
  annotations: [
    { id: 'a', name: 'car', type: 'bounding_box', bounding_box: { x: 1, y: 2, w: 3, h: 4 }, confidence: 0.5 },
    {
      id: 'b',
      name: 'road',
      type: 'polygon',
      polygon: {
        paths: [
          [
            { x: 0, y: 0 },
            { x: 1, y: 0 },
            { x: 1, y: 1 },
          ],
        ],
      },
    },
    {
      id: 'c',
      name: 'lane',
      type: 'polyline',
      polyline: {
        path: [
          { x: 0, y: 0 },
          { x: 2, y: 2 },
        ],
      },
      created_by: null,
    },
    { id: 'd', name: 'eye', type: 'keypoint', keypoint: { x: 5, y: 6 }, attributes: { color: 'red', n: [1, 2] } },
    // Box and polygon together, in the server's order and in the other one.
    {
      id: 'f',
      name: 'car',
      type: 'polygon',
      polygon: { paths: [[{ x: 0, y: 0 }]] },
      bounding_box: { x: 0, y: 0, w: 1, h: 1 },
    },
    {
      id: 'g',
      name: 'car',
      type: 'polygon',
      bounding_box: { x: 0, y: 0, w: 1, h: 1 },
      polygon: { paths: [[{ x: 0, y: 0 }]] },
    },
    { zz: 1, type: 'mystery', extra: { deep: true }, name: '', id: 'e', attributes: [1, 'two'], confidence: null },
  ],
  extra_top: { kept: 1 },
};

const REMOVE = Symbol('remove');
type Path = (string | number)[];

/** Sets (or removes) the value at `path` inside a copy of `good`. */
function changed(path: Path, value: unknown): unknown {
  const root = structuredClone(good) as unknown;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return root;
}

const POINT = ['annotations', 1, 'polygon', 'paths', 0];
/** Each row: a change to `good` that zod either rejects or decodes differently from the input. */
const hostile: [string, Path, unknown][] = [
  ['a point with an extra key (zod drops it)', [...POINT, 0], { x: 0, y: 0, z: 1 }],
  ['a point with y before x', [...POINT, 0], { y: 0, x: 0 }],
  ['a point coordinate as a string', [...POINT, 1, 'x'], '1'],
  ['an infinite coordinate (JSON 1e400)', [...POINT, 1, 'x'], Infinity],
  ['a point that is null', ['annotations', 2, 'polyline', 'path', 1], null],
  ['paths not an array', ['annotations', 1, 'polygon', 'paths'], {}],
  ['a path not an array', ['annotations', 1, 'polygon', 'paths'], [{ x: 1, y: 1 }]],
  ['a polygon with an extra key', ['annotations', 1, 'polygon', 'holes'], []],
  ['a box missing h', ['annotations', 0, 'bounding_box', 'h'], REMOVE],
  ['a box with keys in another order', ['annotations', 0, 'bounding_box'], { h: 4, w: 3, y: 2, x: 1 }],
  ['a box that is an array', ['annotations', 0, 'bounding_box'], [1, 2, 3, 4]],
  ['confidence above 1', ['annotations', 0, 'confidence'], 1.5],
  ['confidence as a string', ['annotations', 0, 'confidence'], '0.5'],
  ['created_by a number', ['annotations', 2, 'created_by'], 7],
  ['attributes a string', ['annotations', 3, 'attributes'], 'x'],
  ['attributes null', ['annotations', 3, 'attributes'], null],
  ['an empty id', ['annotations', 0, 'id'], ''],
  ['a missing id', ['annotations', 0, 'id'], REMOVE],
  ['a numeric name', ['annotations', 0, 'name'], 3],
  ['an empty type', ['annotations', 0, 'type'], ''],
  ['an annotation that is an array', ['annotations', 0], []],
  ['an annotation that is null', ['annotations', 0], null],
  ['annotations not an array', ['annotations'], { 0: good.annotations[0] }],
  ['image_id missing', ['image_id'], REMOVE],
  ['image_id empty', ['image_id'], ''],
];

describe('the annotation list fast path', () => {
  it('equals zod, key order included, on a well-formed list with unknown fields everywhere they are kept', () => {
    const raw = structuredClone(good);
    expect(JSON.stringify(decodeAnnotationListFast(raw))).toBe(zodOf(raw));
    expect(decodeAnnotationListFast(raw)).toEqual(annotationListSchema.parse(raw));
  });

  it.each(hostile)('leaves %s to zod (null), never a different answer', (_, path, value) => {
    expect(decodeAnnotationListFast(changed(path, value))).toBeNull();
  });

  it('leaves an {data: …} envelope to zod', () => {
    expect(decodeAnnotationListFast({ data: structuredClone(good) })).toBeNull();
  });

  it('leaves __proto__ keys (which zod drops) to zod, from JSON text as a server would send them', () => {
    for (const text of [
      '{"image_id":"i","annotations":[{"id":"a","name":"n","type":"t","__proto__":{"polluted":1}}]}',
      '{"image_id":"i","annotations":[{"id":"a","name":"n","type":"t","attributes":{"__proto__":{"x":1}}}]}',
      '{"image_id":"i","__proto__":{"x":1},"annotations":[]}',
    ]) {
      const raw: unknown = JSON.parse(text);
      expect(decodeAnnotationListFast(raw)).toBeNull();
      expect(zodOf(raw)).not.toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the decoded list apart from the input arrays (editing one never edits the other)', () => {
    const raw = structuredClone(good);
    const decoded = decodeAnnotationListFast(raw)!;
    expect(decoded.annotations).not.toBe(raw.annotations);
    expect(decoded.annotations[1]!.polygon!.paths[0]).not.toBe(raw.annotations[1]!.polygon!.paths[0]);
  });

  describe('on every annotation list pictograph-local serves', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('equals zod exactly, list by list', async () => {
      const get = async (path: string) =>
        (await fetch(`${server.url}/api/v1/developer${path}`, { headers: { 'X-API-Key': server.keys.member } })).json();
      let annotations = 0;
      for (const dataset of (await get('/datasets/')) as Dataset[]) {
        for (const image of (await get(`/images/?dataset_id=${dataset.id}&limit=1000`)) as ImageMeta[]) {
          const raw: unknown = await get(`/annotations/${image.id}`);
          const fast = decodeAnnotationListFast(raw);
          expect(fast, image.filename).not.toBeNull();
          expect(JSON.stringify(fast)).toBe(zodOf(raw));
          annotations += fast!.annotations.length;
        }
      }
      expect(annotations).toBeGreaterThan(20);
    });
  });
});
