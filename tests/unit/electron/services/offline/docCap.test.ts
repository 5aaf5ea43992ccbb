import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DOC_BYTES, ZipDocSink } from '../../../../../electron/services/offline/annotationDocs';
import type { AnnotationDoc } from '../../../../../electron/services/offline/annotationDocs';

const ID_A = '9b2e8a3c-0000-4000-8000-00000000000a';
const ID_B = '9b2e8a3c-0000-4000-8000-00000000000b';
const ID_BIG = '9b2e8a3c-0000-4000-8000-0000000000ff';

/**
 * A valid per-image file of exactly `size` bytes: JSON padded with trailing spaces, so that
 * without the cap it would parse and be stored — only the cap can refuse it.
 */
function paddedDoc(imageId: string, size: number): Uint8Array {
  const json = JSON.stringify({ image_uuid: imageId, annotations: [] });
  if (size < json.length) throw new Error('too small');
  return strToU8(json + ' '.repeat(size - json.length));
}

function collect(maxDocBytes?: number): { sink: ZipDocSink; docs: AnnotationDoc[]; bad: string[] } {
  const docs: AnnotationDoc[] = [];
  const bad: string[] = [];
  const sink = new ZipDocSink(
    (doc) => docs.push(doc),
    (entry, message) => bad.push(`${entry}: ${message}`),
    maxDocBytes,
  );
  return { sink, docs, bad };
}

async function feed(sink: ZipDocSink, zip: Uint8Array, chunk = 4096): Promise<void> {
  await sink.start();
  for (let at = 0; at < zip.byteLength; at += chunk) await sink.write(zip.subarray(at, at + chunk));
  sink.finish(zip.byteLength);
}

describe('ZipDocSink: the per-document cap', () => {
  it('the production cap is 64 MiB', () => {
    expect(MAX_DOC_BYTES).toBe(64 * 1024 * 1024);
  });

  it('an entry one byte over the cap is reported and not handed over; one at the cap and its neighbours are', async () => {
    const cap = 1024;
    const zip = zipSync({
      'annotations/a.json': paddedDoc(ID_A, cap), // exactly at the cap: fine
      'annotations/big.json': paddedDoc(ID_BIG, cap + 1),
      'annotations/b.json': paddedDoc(ID_B, 200),
    });
    const { sink, docs, bad } = collect(cap);
    await feed(sink, zip, 97);
    expect(bad).toEqual(['annotations/big.json: larger than 1024 bytes']);
    expect(docs.map((d) => d.imageId)).toEqual([ID_A, ID_B]);
    expect(sink.docs).toBe(2);
  });

  it('with no cap given, the 64 MiB default applies: a 64 MiB + 1 document (streamed, deflated) is refused', async () => {
    // Built with the streaming zipper so the test never holds the whole entry twice.
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, data) => {
      if (error) throw error;
      parts.push(data);
    });
    const big = new ZipDeflate('annotations/big.json', { level: 1 });
    zip.add(big);
    const head = strToU8(JSON.stringify({ image_uuid: ID_BIG, annotations: [] }));
    big.push(head);
    const spaces = strToU8(' '.repeat(1024 * 1024));
    let written = head.byteLength;
    while (written + spaces.byteLength <= MAX_DOC_BYTES) {
      big.push(spaces);
      written += spaces.byteLength;
    }
    big.push(strToU8(' '.repeat(MAX_DOC_BYTES + 1 - written)), true);
    const small = new ZipDeflate('annotations/b.json');
    zip.add(small);
    small.push(paddedDoc(ID_B, 100), true);
    zip.end();

    const { sink, docs, bad } = collect();
    await sink.start();
    let bytes = 0;
    for (const part of parts) {
      bytes += part.byteLength;
      await sink.write(part);
    }
    sink.finish(bytes);
    expect(bad).toEqual([`annotations/big.json: larger than ${MAX_DOC_BYTES} bytes`]);
    expect(docs.map((d) => d.imageId)).toEqual([ID_B]);
  });
});
