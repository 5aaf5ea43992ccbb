import type { ExportFormat, SelectedImage } from '../types';
import { annotationClass, annotationType, readBox } from '../annotationGeometry';
import { escapeXmlText } from '../xml';

/**
 * §8.1 Pascal VOC: `Annotations/<stem>.xml` per image with one `<object>` per bbox, polygon or
 * polyline (from its bounding box, rounded to integers, xmax = x + w). Keypoints have no box.
 * Images go to `JPEGImages/<rel>` in their original format.
 */
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
      `    <name>${escapeXmlText(annotationClass(annotation))}</name>`,
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

export const pascalVocFormat: ExportFormat = {
  imagePrefix: 'JPEGImages/',
  entries: (context) =>
    context.images.map((image) => ({
      path: `Annotations/${image.stem}.xml`,
      kind: 'text' as const,
      content: () => vocXml(image),
    })),
};
