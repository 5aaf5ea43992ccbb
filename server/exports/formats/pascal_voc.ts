import type { ExportFormat, FormatContext, SelectedImage } from '../types';
import { annotationClass, annotationType, readBox } from '../annotationGeometry';
import { escapeXmlText } from '../xml';

/**
 * §8.1 Pascal VOC: `Annotations/<stem>.xml` per image with one `<object>` per bbox, polygon or
 * polyline (from its bounding box, rounded to integers, xmax = x + w). Keypoints have no box.
 * Images go to `JPEGImages/<rel>` in their original format.
 *
 * Revision 2 adds what Datumaro's VOC reader needs to find the dataset and classes outside VOC's
 * twenty: `ImageSets/Main/default.txt` (the subset's stems) and `labelmap.txt` (name:r,g,b::). A
 * `:` would split a labelmap line, so (§8.1) a class name's `:` becomes `_` there and in the XML,
 * keeping the two in agreement.
 */
export function vocClassName(name: string): string {
  return name.replaceAll(':', '_');
}
function integer(value: number): string {
  return String(Math.round(value) + 0); // `+ 0` turns -0 into 0
}

const BOXED_TYPES = new Set(['bbox', 'polygon', 'polyline']);

export function vocXml(image: SelectedImage): string {
  const lines = [
    '<annotation>',
    '  <folder>JPEGImages</folder>',
    `  <filename>${escapeXmlText(image.rel)}</filename>`,
    '  <size>',
    `    <width>${image.source.width ?? 0}</width>`,
    `    <height>${image.source.height ?? 0}</height>`,
    '    <depth>3</depth>',
    '  </size>',
    '  <segmented>0</segmented>',
  ];
  for (const annotation of image.annotations) {
    if (!BOXED_TYPES.has(annotationType(annotation))) continue;
    const box = readBox(annotation);
    if (!box) continue;
    lines.push(
      '  <object>',
      `    <name>${escapeXmlText(vocClassName(annotationClass(annotation)))}</name>`,
      '    <pose>Unspecified</pose>',
      '    <truncated>0</truncated>',
      '    <difficult>0</difficult>',
      '    <bndbox>',
      `      <xmin>${integer(box.x)}</xmin>`,
      `      <ymin>${integer(box.y)}</ymin>`,
      `      <xmax>${integer(box.x + box.w)}</xmax>`,
      `      <ymax>${integer(box.y + box.h)}</ymax>`,
      '    </bndbox>',
      '  </object>',
    );
  }
  lines.push('</annotation>');
  return lines.map((line) => `${line}\n`).join('');
}

/** `ImageSets/Main/default.txt`: every stem, sorted by code unit, one a line. */
export function vocImageSet(context: FormatContext): string {
  const stems = context.images.map((image) => image.stem).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return stems.map((stem) => `${stem}\n`).join('');
}

function rgb(color: string): string {
  const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(color);
  if (!match) return '0,0,0';
  return [match[1]!, match[2]!, match[3]!].map((hex) => String(parseInt(hex, 16))).join(',');
}

/** Datumaro's labelmap: a header, `background`, then every class in class order with its colour. */
export function vocLabelmap(context: FormatContext): string {
  const lines = ['# label:color_rgb:parts:actions', 'background:0,0,0::'];
  for (const cls of context.dataset.classes) lines.push(`${vocClassName(cls.name)}:${rgb(cls.color)}::`);
  return lines.map((line) => `${line}\n`).join('');
}

export const pascalVocFormat: ExportFormat = {
  imagePrefix: 'JPEGImages/',
  entries: (context) => [
    ...context.images.map((image) => ({
      path: `Annotations/${image.stem}.xml`,
      kind: 'text' as const,
      content: () => vocXml(image),
    })),
    { path: 'ImageSets/Main/default.txt', kind: 'text', content: () => vocImageSet(context) },
    { path: 'labelmap.txt', kind: 'text', content: () => vocLabelmap(context) },
  ],
};
