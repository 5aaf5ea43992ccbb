import type { ExportSourceImage, FormatContext } from '../../../../server/exports/types';
import { createStemAllocator, relativePath } from '../../../../server/exports/paths';

/**
 * Hand-made export inputs shared by the format tests: three images (one in a sub-folder with a
 * dotted name, one at the root with unknown size), every annotation type, a polygon with a hole,
 * fractional coordinates, and a class name that needs escaping in XML, CSV and YAML.
 */
export const SIGN = 'sign <"A&B">, big';

export const CLASSES = [
  { name: 'car', color: '#e6194b', type: 'bbox' },
  { name: 'road', color: '#3cb44b', type: 'polygon' },
  { name: 'lane', color: '#ffe119', type: 'polyline' },
  { name: 'head', color: '#4363d8', type: 'keypoint' },
  { name: SIGN, color: '#f58231' },
];

const bytesOf = (text: string) => async () => new TextEncoder().encode(text);

export function sampleImages(): ExportSourceImage[] {
  return [
    {
      id: 'img-1',
      filename: 'a.jpg',
      directory_path: '/day',
      width: 100,
      height: 50,
      mime_type: 'image/jpeg',
      status: 'complete',
      annotations: [
        {
          id: 'c1',
          name: 'car',
          type: 'bbox',
          bounding_box: { x: 10, y: 5, w: 20, h: 10 },
          confidence: 1,
          created_by: 'ann',
          attributes: { occluded: true },
        },
        {
          id: 'r1',
          name: 'road',
          type: 'polygon',
          polygon: {
            paths: [
              [
                { x: 0, y: 0 },
                { x: 10, y: 0 },
                { x: 10, y: 10 },
                { x: 0, y: 10 },
              ],
              [
                { x: 2, y: 2 },
                { x: 4, y: 2 },
                { x: 4, y: 4 },
              ],
            ],
          },
          bounding_box: { x: 0, y: 0, w: 10, h: 10 },
          confidence: 0.87,
          created_by: 'model:sam-2',
          attributes: [],
          extra: 'kept',
        },
        {
          id: 'l1',
          name: 'lane',
          type: 'polyline',
          polyline: {
            path: [
              { x: 1, y: 2 },
              { x: 5, y: 6 },
              { x: 9, y: 2 },
            ],
          },
          bounding_box: { x: 1, y: 2, w: 8, h: 4 },
          confidence: 1,
          created_by: null,
          attributes: [],
        },
        {
          id: 'h1',
          name: 'head',
          type: 'keypoint',
          keypoint: { x: 3.5, y: 4.25 },
          confidence: 1,
          created_by: null,
          attributes: [],
        },
        {
          id: 's1',
          name: SIGN,
          type: 'bbox',
          bounding_box: { x: 0.4, y: 0.6, w: 2.2, h: 3.3 },
          confidence: 1,
          created_by: null,
          attributes: [],
        },
      ],
      readBytes: bytesOf('JPEG-A'),
    },
    {
      id: 'img-2',
      filename: 'b.png',
      directory_path: '/',
      width: null,
      height: null,
      mime_type: 'image/png',
      status: 'new',
      annotations: [
        {
          id: 'c2',
          name: 'car',
          type: 'bbox',
          bounding_box: { x: 1, y: 1, w: 2, h: 2 },
          confidence: 0.5,
          created_by: 'model:detr',
          attributes: [],
        },
      ],
      readBytes: bytesOf('PNG-B'),
    },
    {
      id: 'img-3',
      filename: 'c.d.jpeg',
      directory_path: '/night/deep',
      width: 200,
      height: 100,
      mime_type: 'image/jpeg',
      status: 'in_progress',
      annotations: [
        {
          id: 'r3',
          name: 'road',
          type: 'polygon',
          polygon: {
            paths: [
              [
                { x: 20, y: 10 },
                { x: 120, y: 10 },
                { x: 70, y: 60 },
              ],
            ],
          },
          bounding_box: { x: 20, y: 10, w: 100, h: 50 },
          confidence: 1,
          created_by: null,
          attributes: [],
        },
      ],
      readBytes: bytesOf('JPEG-C'),
    },
  ];
}

/** The context a format sees, built with the real path rules (no class or status filter). */
export function sampleContext(
  images: ExportSourceImage[] = sampleImages(),
  exportName = 'Q1 <review> & "fixes"',
): FormatContext {
  const stemFor = createStemAllocator();
  return {
    exportName,
    dataset: { name: 'Street Scenes', slug: 'street-scenes', classes: CLASSES },
    org: { name: 'Acme', slug: 'acme' },
    apiBaseUrl: 'http://127.0.0.1:8787/api/v1/developer',
    classIndex: new Map(CLASSES.map((cls, index) => [cls.name, index] as const)),
    images: images.map((source) => {
      const rel = relativePath(source.directory_path, source.filename);
      return { source, annotations: source.annotations, rel, stem: stemFor(rel) };
    }),
  };
}

/** Runs each entry's content producer; text entries only. */
export async function textEntries(
  entries: { path: string; kind: string; content: () => string | Promise<Uint8Array> }[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const content = await entry.content();
    out[entry.path] = typeof content === 'string' ? content : new TextDecoder().decode(content);
  }
  return out;
}
