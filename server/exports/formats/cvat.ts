import type { ExportFormat, FormatContext, SelectedImage } from '../types';
import type { XY } from '../annotationGeometry';
import {
  annotationClass,
  annotationType,
  readBox,
  readKeypoint,
  readPolylinePath,
  readRings,
} from '../annotationGeometry';
import { escapeXmlAttribute, escapeXmlText } from '../xml';

/**
 * §8.1 CVAT for images 1.1: one `annotations.xml` with the task's labels, then one `<image>` per
 * selected image (ids from 0 in export order). Coordinates carry 2 decimals; a polygon keeps its
 * outer ring only (CVAT polygons have no holes).
 */
function fixed(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

const pointList = (points: readonly XY[]): string => points.map((p) => `${fixed(p.x)},${fixed(p.y)}`).join(';');

function shapeElement(annotation: Record<string, unknown>): string | undefined {
  const label = `label="${escapeXmlAttribute(annotationClass(annotation))}" occluded="0"`;
  switch (annotationType(annotation)) {
    case 'bbox': {
      const box = readBox(annotation);
      if (!box) return undefined;
      const corners = `xtl="${fixed(box.x)}" ytl="${fixed(box.y)}" xbr="${fixed(box.x + box.w)}" ybr="${fixed(box.y + box.h)}"`;
      return `<box ${label} ${corners} z_order="0"/>`;
    }
    case 'polygon': {
      const outer = readRings(annotation)?.[0];
      return outer ? `<polygon ${label} points="${pointList(outer)}" z_order="0"/>` : undefined;
    }
    case 'polyline': {
      const path = readPolylinePath(annotation);
      return path ? `<polyline ${label} points="${pointList(path)}" z_order="0"/>` : undefined;
    }
    case 'keypoint': {
      const point = readKeypoint(annotation);
      return point ? `<points ${label} points="${pointList([point])}" z_order="0"/>` : undefined;
    }
    default:
      return undefined;
  }
}

function imageElement(image: SelectedImage, id: number): string[] {
  const attributes = `id="${id}" name="${escapeXmlAttribute(image.rel)}" width="${image.source.width ?? 0}" height="${image.source.height ?? 0}"`;
  const shapes = image.annotations.flatMap((annotation) => shapeElement(annotation) ?? []);
  if (shapes.length === 0) return [`  <image ${attributes}/>`];
  return [`  <image ${attributes}>`, ...shapes.map((shape) => `    ${shape}`), '  </image>'];
}

export function cvatXml(context: FormatContext): string {
  const labels = context.dataset.classes.flatMap((cls) => [
    '        <label>',
    `          <name>${escapeXmlText(cls.name)}</name>`,
    `          <color>${escapeXmlText(cls.color)}</color>`,
    '        </label>',
  ]);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<annotations>',
    '  <version>1.1</version>',
    '  <meta>',
    '    <task>',
    `      <name>${escapeXmlText(context.exportName)}</name>`,
    `      <size>${context.images.length}</size>`,
    '      <labels>',
    ...labels,
    '      </labels>',
    '    </task>',
    '  </meta>',
    ...context.images.flatMap((image, index) => imageElement(image, index)),
    '</annotations>',
  ];
  return lines.map((line) => `${line}\n`).join('');
}

export const cvatFormat: ExportFormat = {
  imagePrefix: 'images/',
  entries: (context) => [{ path: 'annotations.xml', kind: 'text', content: () => cvatXml(context) }],
};
