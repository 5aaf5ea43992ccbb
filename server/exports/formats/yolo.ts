import type { ExportFormat, FormatContext, SelectedImage } from '../types';
import { annotationClass, annotationType, readBox, readRings } from '../annotationGeometry';

/**
 * §8.1 YOLO: `data.yaml` plus `labels/<stem>.txt` for every image (empty when nothing is
 * representable or the image has no known size — normalising by 0 would write garbage).
 * Coordinates are divided by the image size and written with 6 decimals; polylines and keypoints
 * have no YOLO form and are left out.
 */
export function dataYaml(context: FormatContext): string {
  const names = context.dataset.classes.map((cls) => JSON.stringify(cls.name)).join(', ');
  return `nc: ${context.dataset.classes.length}\nnames: [${names}]\n`;
}

function normalised(value: number, size: number): string {
  const text = (value / size).toFixed(6);
  // toFixed keeps the sign of tiny negatives ("-0.000000"); a label file should read "0.000000".
  return text === '-0.000000' ? '0.000000' : text;
}

export function yoloLabelLines(image: SelectedImage, classIndex: ReadonlyMap<string, number>): string {
  const width = image.source.width;
  const height = image.source.height;
  if (!width || !height) return '';
  const lines: string[] = [];
  for (const annotation of image.annotations) {
    const index = classIndex.get(annotationClass(annotation));
    if (index === undefined) continue;
    const type = annotationType(annotation);
    if (type === 'bbox') {
      const box = readBox(annotation);
      if (!box) continue;
      const values = [
        normalised(box.x + box.w / 2, width),
        normalised(box.y + box.h / 2, height),
        normalised(box.w, width),
        normalised(box.h, height),
      ];
      lines.push(`${index} ${values.join(' ')}`);
    } else if (type === 'polygon') {
      const outer = readRings(annotation)?.[0];
      if (!outer) continue;
      const values = outer.flatMap((point) => [normalised(point.x, width), normalised(point.y, height)]);
      lines.push(`${index} ${values.join(' ')}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

export const yoloFormat: ExportFormat = {
  imagePrefix: 'images/',
  entries: (context) => [
    { path: 'data.yaml', kind: 'text', content: () => dataYaml(context) },
    ...context.images.map((image) => ({
      path: `labels/${image.stem}.txt`,
      kind: 'text' as const,
      content: () => yoloLabelLines(image, context.classIndex),
    })),
  ],
};
