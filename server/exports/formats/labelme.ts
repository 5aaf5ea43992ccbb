import type { ExportFormat, SelectedImage } from '../types';
import type { XY } from '../annotationGeometry';
import {
  annotationClass,
  annotationType,
  readBox,
  readKeypoint,
  readPolylinePath,
  readRings,
} from '../annotationGeometry';

/**
 * §8.1 labelme 5.2.1: `<stem>.json` beside the image (`<rel>`), `imagePath` being the bare
 * filename so labelme finds the picture next to it. Each annotation becomes one shape; a polygon
 * keeps only its outer ring because labelme has no holes.
 */
interface LabelmeShape {
  label: string;
  points: [number, number][];
  group_id: null;
  shape_type: 'rectangle' | 'polygon' | 'linestrip' | 'point';
  flags: Record<string, never>;
  description: string;
}

const pairs = (points: readonly XY[]): [number, number][] => points.map((p) => [p.x, p.y]);

function shapeOf(annotation: Record<string, unknown>): LabelmeShape | undefined {
  const label = annotationClass(annotation);
  const shape = (shape_type: LabelmeShape['shape_type'], points: [number, number][]): LabelmeShape => ({
    label,
    points,
    group_id: null,
    shape_type,
    flags: {},
    description: '',
  });
  switch (annotationType(annotation)) {
    case 'bbox': {
      const box = readBox(annotation);
      return box
        ? shape('rectangle', [
            [box.x, box.y],
            [box.x + box.w, box.y + box.h],
          ])
        : undefined;
    }
    case 'polygon': {
      const outer = readRings(annotation)?.[0];
      return outer ? shape('polygon', pairs(outer)) : undefined;
    }
    case 'polyline': {
      const path = readPolylinePath(annotation);
      return path ? shape('linestrip', pairs(path)) : undefined;
    }
    case 'keypoint': {
      const point = readKeypoint(annotation);
      return point ? shape('point', [[point.x, point.y]]) : undefined;
    }
    default:
      return undefined; // an annotation type labelme cannot express
  }
}

export function labelmeDocument(image: SelectedImage): Record<string, unknown> {
  const shapes = image.annotations.flatMap((annotation) => shapeOf(annotation) ?? []);
  return {
    version: '5.2.1',
    flags: {},
    shapes,
    imagePath: image.source.filename,
    imageData: null,
    imageHeight: image.source.height ?? 0,
    imageWidth: image.source.width ?? 0,
  };
}

export const labelmeFormat: ExportFormat = {
  imagePrefix: '',
  entries: (context) =>
    context.images.map((image) => ({
      path: `${image.stem}.json`,
      kind: 'text' as const,
      content: () => `${JSON.stringify(labelmeDocument(image), null, 2)}\n`,
    })),
};
