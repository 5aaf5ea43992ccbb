import type { ExportFormat, FormatContext } from '../types';
import { annotationClass, annotationType, polygonArea, readBox, readRings } from '../annotationGeometry';
import { polygonToRle, type UncompressedRle } from '../rle';

/**
 * §8.1 COCO, revision 2: `annotations/instances_default.json`, where Datumaro's COCO reader looks
 * (`instances_<subset>.json`; pycocotools takes any path). Image and annotation ids count from 1
 * in export order; category id = class index + 1. Only bboxes and polygons are representable. A
 * polygon without holes is one flat list (its ring); one with holes is an uncompressed RLE
 * (rle.ts), because COCO polygon lists are filled one by one and cannot cut a hole — unless the
 * image size is unknown, where no mask can be drawn and the rings fall back to one list each.
 * The area is always the exact outer-minus-holes polygon area.
 */
interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  area: number;
  segmentation: number[][] | UncompressedRle;
  iscrowd: 0;
}

export function cocoDocument(context: FormatContext): Record<string, unknown> {
  const images = context.images.map((image, index) => ({
    id: index + 1,
    file_name: image.rel,
    width: image.source.width ?? 0,
    height: image.source.height ?? 0,
  }));
  const annotations: CocoAnnotation[] = [];
  context.images.forEach((image, imageIndex) => {
    for (const annotation of image.annotations) {
      const classIndex = context.classIndex.get(annotationClass(annotation));
      const box = readBox(annotation);
      if (classIndex === undefined || !box) continue;
      const type = annotationType(annotation);
      const base = { id: annotations.length + 1, image_id: imageIndex + 1, category_id: classIndex + 1 };
      const bbox: CocoAnnotation['bbox'] = [box.x, box.y, box.w, box.h];
      if (type === 'bbox') {
        annotations.push({ ...base, bbox, area: box.w * box.h, segmentation: [], iscrowd: 0 });
      } else if (type === 'polygon') {
        const rings = readRings(annotation);
        if (!rings) continue;
        const width = image.source.width ?? 0;
        const height = image.source.height ?? 0;
        const segmentation =
          rings.length > 1 && width > 0 && height > 0
            ? polygonToRle(rings, width, height)
            : rings.map((ring) => ring.flatMap((point) => [point.x, point.y]));
        annotations.push({ ...base, bbox, area: polygonArea(rings), segmentation, iscrowd: 0 });
      }
    }
  });
  const categories = context.dataset.classes.map((cls, index) => ({
    id: index + 1,
    name: cls.name,
    supercategory: '',
  }));
  return { info: { description: context.exportName }, images, annotations, categories };
}

export const cocoFormat: ExportFormat = {
  imagePrefix: 'images/',
  entries: (context) => [
    {
      path: 'annotations/instances_default.json',
      kind: 'text',
      content: () => `${JSON.stringify(cocoDocument(context))}\n`,
    },
  ],
};
