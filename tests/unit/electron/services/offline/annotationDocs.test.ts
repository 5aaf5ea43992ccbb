import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { etagOfList, parseAnnotationDoc, ZipDocSink } from '../../../../../electron/services/offline/annotationDocs';
import type { AnnotationDoc } from '../../../../../electron/services/offline/annotationDocs';

const ID_A = '9b2e8a3c-0000-4000-8000-00000000000a';
const ID_B = '9b2e8a3c-0000-4000-8000-00000000000b';
// Keys deliberately not in the schema's order, with an unknown field: both must survive verbatim.
const LIST_A = [{ type: 'bbox', id: 'a1', name: 'car', bounding_box: { x: 1, y: 2, w: 3, h: 4 }, extra: { k: 1 } }];
const file = (imageId: string, annotations: unknown[]) =>
  strToU8(
    `${JSON.stringify({ image: 'x.png', image_uuid: imageId, annotation_count: annotations.length, annotations })}\n`,
  );

function collect(): { sink: ZipDocSink; docs: AnnotationDoc[]; bad: string[] } {
  const docs: AnnotationDoc[] = [];
  const bad: string[] = [];
  const sink = new ZipDocSink(
    (doc) => docs.push(doc),
    (entry, message) => bad.push(`${entry}: ${message}`),
  );
  return { sink, docs, bad };
}

async function feed(sink: ZipDocSink, zip: Uint8Array, chunk = 7): Promise<void> {
  await sink.start();
  for (let at = 0; at < zip.byteLength; at += chunk) await sink.write(zip.subarray(at, at + chunk));
  sink.finish();
}

describe('ZipDocSink: a pictograph export read as it streams', () => {
  it('hands over each annotations/….json document in small chunks, ignoring other entries', async () => {
    const zip = zipSync({
      'annotations/day/a.png.json': file(ID_A, LIST_A),
      'annotations/b.png.json': file(ID_B, []),
      'images/a.png': new Uint8Array([1, 2, 3]),
      'README.txt': strToU8('hello'),
    });
    const { sink, docs, bad } = collect();
    await feed(sink, zip);
    expect(bad).toEqual([]);
    expect(sink.docs).toBe(2);
    const a = docs.find((d) => d.imageId === ID_A)!;
    expect(JSON.stringify(a.annotations)).toBe(JSON.stringify(LIST_A));
    // §7.4: the quoted SHA-256 of the list's canonical text.
    expect(a.etag).toBe(`"${createHash('sha256').update(JSON.stringify(LIST_A)).digest('hex')}"`);
    expect(docs.find((d) => d.imageId === ID_B)!.etag).toBe(etagOfList([]));
  });

  it('a broken document is reported by name and the others still arrive', async () => {
    const zip = zipSync({
      'annotations/a.json': strToU8('{"image_uuid": "x", "annotations": ['),
      'annotations/b.json': strToU8(JSON.stringify({ image_uuid: ID_B, annotations: 'nope' })),
      'annotations/c.json': file(ID_A, LIST_A),
    });
    const { sink, docs, bad } = collect();
    await feed(sink, zip);
    expect(docs.map((d) => d.imageId)).toEqual([ID_A]);
    expect(bad).toEqual([
      expect.stringMatching(/^annotations\/a\.json: .*not valid JSON/),
      expect.stringMatching(/^annotations\/b\.json: .*not an annotation file \(annotations/),
    ]);
  });

  it('bytes that are not a ZIP fail with a clear bad_response', async () => {
    const { sink } = collect();
    await sink.start();
    await expect(
      (async () => {
        await sink.write(strToU8('PK\u0003\u0004 this is not really a zip, just its magic and junk'));
        sink.finish();
      })(),
    ).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/ZIP could not be read|not a ZIP/),
    });
  });

  it('a retried transfer starts over: start() resets the unzipper and the count', async () => {
    const zip = zipSync({ 'annotations/a.json': file(ID_A, LIST_A) });
    const { sink, docs } = collect();
    await sink.start();
    await sink.write(zip.subarray(0, 10)); // the first attempt breaks off here
    await feed(sink, zip);
    expect(sink.docs).toBe(1);
    expect(docs).toHaveLength(1);
  });
});

describe('parseAnnotationDoc', () => {
  it('keeps the server ETag when given, and refuses a document naming no image', () => {
    expect(parseAnnotationDoc(file(ID_A, []), 'f', '"abc"').etag).toBe('"abc"');
    expect(() => parseAnnotationDoc(strToU8('{"annotations": []}'), 'The file', null)).toThrow(/image_uuid/);
    expect(() => parseAnnotationDoc(new Uint8Array([0xff, 0xfe]), 'The file', null)).toThrow(/not valid JSON/);
  });
});

describe('ZipDocSink: archives cut short', () => {
  const zip = zipSync({ 'annotations/a.json': file(ID_A, LIST_A), 'annotations/b.json': file(ID_B, LIST_A) });

  it('fewer bytes than the export announced fail', async () => {
    const { sink } = collect();
    await sink.start();
    await sink.write(zip);
    expect(() => sink.finish(zip.byteLength + 10)).toThrow(/ended after \d+ of \d+ bytes/);
  });

  it('an archive that ends inside an entry fails even when no size was announced (fflate)', async () => {
    const { sink } = collect();
    await sink.start();
    await sink.write(zip.subarray(0, 70)); // past the first entry's header, inside its data
    expect(() => sink.finish(null)).toThrow(/ZIP could not be read: invalid zip data/);
  });
});
