import type { ExportFormat, FormatContext } from '../types';
import { annotationClass, annotationType, readBox } from '../annotationGeometry';

/**
 * §8.1 CSV: `annotations.csv`, one RFC 4180 row per bbox, polygon or polyline (from its bounding
 * box). Numbers are written exactly as JSON would write them; lines end in `\n` (§8.1's text rule
 * wins over RFC 4180's CRLF; every CSV reader accepts both).
 */
export const CSV_HEADER = 'filename,width,height,class,xmin,ymin,xmax,ymax';
const BOXED_TYPES = new Set(['bbox', 'polygon', 'polyline']);

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const jsonNumber = (value: number): string => JSON.stringify(value);

export function csvText(context: FormatContext): string {
  const rows = [CSV_HEADER];
  for (const image of context.images) {
    const imageFields = [
      csvField(image.rel),
      jsonNumber(image.source.width ?? 0),
      jsonNumber(image.source.height ?? 0),
    ];
    for (const annotation of image.annotations) {
      if (!BOXED_TYPES.has(annotationType(annotation))) continue;
      const box = readBox(annotation);
      if (!box) continue;
      const corners = [box.x, box.y, box.x + box.w, box.y + box.h].map(jsonNumber);
      rows.push([...imageFields, csvField(annotationClass(annotation)), ...corners].join(','));
    }
  }
  return rows.map((row) => `${row}\n`).join('');
}

export const csvFormat: ExportFormat = {
  imagePrefix: 'images/',
  entries: (context) => [{ path: 'annotations.csv', kind: 'text', content: () => csvText(context) }],
};
