import type { ExportFormat, FormatContext, SelectedImage } from '../types';
import type { Box, XY } from '../annotationGeometry';
import { annotationClass, annotationType, readBox, readRings } from '../annotationGeometry';

/**
 * §8.1 YOLO, revision 2: the Ultralytics layout. `data.yaml` names `train` and `val` (both the one
 * split we have, `images/train`), and every image gets `labels/train/<stem>.txt` (empty when
 * nothing is representable or the image has no known size — normalising by 0 would write garbage).
 *
 * Line kinds never mix, because Ultralytics reads a file holding any segment line as all segments
 * and garbles the box lines (decision): when the selection holds any polygon, the whole export is
 * a segmentation dataset and a bbox is written as its 4 corners (top-left first, clockwise);
 * otherwise it is a detection dataset of `c cx cy w h` box lines. Polylines and keypoints have no
 * YOLO form and are left out.
 */
export function dataYaml(context: FormatContext): string {
  const names = context.dataset.classes.map((cls) => JSON.stringify(cls.name)).join(', ');
  return [
    'path: .',
    'train: images/train',
    'val: images/train',
    `nc: ${context.dataset.classes.length}`,
    `names: [${names}]`,
    '',
  ].join('\n');
}

function normalised(value: number, size: number): string {
  const text = (value / size).toFixed(6);
  // toFixed keeps the sign of tiny negatives ("-0.000000"); a label file should read "0.000000".
  return text === '-0.000000' ? '0.000000' : text;
}

export type YoloLineKind = 'box' | 'segment';

/** The export-wide line kind: segments as soon as one selected polygon has a class index. */
export function yoloLineKind(context: Pick<FormatContext, 'images' | 'classIndex'>): YoloLineKind {
  for (const image of context.images) {
    for (const annotation of image.annotations) {
      if (annotationType(annotation) === 'polygon' && context.classIndex.has(annotationClass(annotation))) {
        return 'segment';
      }
    }
  }
  return 'box';
}

function boxCorners(box: Box): XY[] {
  return [
    { x: box.x, y: box.y },
    { x: box.x + box.w, y: box.y },
    { x: box.x + box.w, y: box.y + box.h },
    { x: box.x, y: box.y + box.h },
  ];
}

export function yoloLabelLines(
  image: SelectedImage,
  classIndex: ReadonlyMap<string, number>,
  kind: YoloLineKind,
): string {
  const width = image.source.width;
  const height = image.source.height;
  if (!width || !height) return '';
  const segment = (index: number, points: readonly XY[]): string =>
    `${index} ${points.flatMap((point) => [normalised(point.x, width), normalised(point.y, height)]).join(' ')}`;
  const lines: string[] = [];
  for (const annotation of image.annotations) {
    const index = classIndex.get(annotationClass(annotation));
    if (index === undefined) continue;
    const type = annotationType(annotation);
    if (type === 'bbox') {
      const box = readBox(annotation);
      if (!box) continue;
      if (kind === 'segment') {
        lines.push(segment(index, boxCorners(box)));
        continue;
      }
      const values = [
        normalised(box.x + box.w / 2, width),
        normalised(box.y + box.h / 2, height),
        normalised(box.w, width),
        normalised(box.h, height),
      ];
      lines.push(`${index} ${values.join(' ')}`);
    } else if (type === 'polygon' && kind === 'segment') {
      const outer = readRings(annotation)?.[0];
      if (outer) lines.push(segment(index, outer));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

export const yoloFormat: ExportFormat = {
  imagePrefix: 'images/train/',
  entries: (context) => {
    const kind = yoloLineKind(context);
    return [
      { path: 'data.yaml', kind: 'text', content: () => dataYaml(context) },
      ...context.images.map((image) => ({
        path: `labels/train/${image.stem}.txt`,
        kind: 'text' as const,
        content: () => yoloLabelLines(image, context.classIndex, kind),
      })),
    ];
  },
};
