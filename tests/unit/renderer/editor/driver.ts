import type { Annotation } from '../../../../shared/api/annotation';
import type { EditorClass } from '../../../../shared/annotations/ops';
import type { Camera } from '../../../../renderer/viewer/camera';
import { createDocument } from '../../../../renderer/editor/document/document';
import type { SessionState } from '../../../../renderer/editor/document/session';
import { Editor } from '../../../../renderer/editor/editor';
import { History } from '../../../../renderer/editor/history/history';

/**
 * Drives a real Editor (real document, history, pick index and tool machine) the way the Konva
 * layer will: `pointer.down(x, y)`, `pointer.move`, `pointer.up`, `key('Escape')`. Positions are
 * screen pixels; with the default camera (scale 1 at the origin) they equal image pixels.
 */
export interface Mods {
  shift?: boolean;
  alt?: boolean;
  mod?: boolean;
}

export const CLASSES: EditorClass[] = [
  { name: 'car' },
  { name: 'road', type: 'polygon' },
  { name: 'lane', type: 'polyline' },
  { name: 'person' },
];

export function box(id: string, x: number, y: number, w: number, h: number, name = 'car'): Annotation {
  return { id, name, type: 'bbox', bounding_box: { x, y, w, h } };
}

export function polygon(id: string, rings: [number, number][][], name = 'road'): Annotation {
  return { id, name, type: 'polygon', polygon: { paths: rings.map((r) => r.map(([x, y]) => ({ x, y }))) } };
}

export function polyline(id: string, points: [number, number][], name = 'lane'): Annotation {
  return { id, name, type: 'polyline', polyline: { path: points.map(([x, y]) => ({ x, y })) } };
}

export function keypoint(id: string, x: number, y: number, name = 'person'): Annotation {
  return { id, name, type: 'keypoint', keypoint: { x, y } };
}

export interface Driven {
  editor: Editor;
  history: History;
  pointer: {
    down(x: number, y: number, mods?: Mods): boolean;
    move(x: number, y: number, mods?: Mods): boolean;
    up(x: number, y: number, mods?: Mods): boolean;
    click(x: number, y: number, mods?: Mods): void;
    drag(from: [number, number], to: [number, number], mods?: Mods, steps?: number): void;
  };
  key(key: string, mods?: Mods): boolean;
  /** The annotation with this id in the current document (throws when absent: a test bug). */
  get(id: string): Annotation;
  ids(): string[];
}

export function drive(
  annotations: Annotation[],
  options: {
    tool?: string;
    camera?: Camera;
    readOnlyReason?: string;
    imageSize?: { width: number; height: number };
    session?: SessionState;
    classes?: EditorClass[];
    annotationTypes?: string[];
  } = {},
): Driven {
  const history = new History(createDocument('img-1', annotations));
  let next = 0;
  const editor = new Editor({
    history,
    classes: options.classes ?? CLASSES,
    annotationTypes: options.annotationTypes ?? null,
    imageSize: options.imageSize ?? { width: 1000, height: 1000 },
    camera: options.camera ?? { scale: 1, x: 0, y: 0 },
    readOnlyReason: options.readOnlyReason ?? null,
    ...(options.session ? { session: options.session } : {}),
    newId: () => `new-${++next}`,
  });
  if (options.tool) editor.setTool(options.tool);
  const pointer = {
    down: (x: number, y: number, mods: Mods = {}) => editor.pointerDown({ x, y, button: 0, ...mods }),
    move: (x: number, y: number, mods: Mods = {}) => editor.pointerMove({ x, y, ...mods }),
    up: (x: number, y: number, mods: Mods = {}) => editor.pointerUp({ x, y, ...mods }),
    click(x: number, y: number, mods: Mods = {}) {
      pointer.down(x, y, mods);
      pointer.up(x, y, mods);
    },
    drag(from: [number, number], to: [number, number], mods: Mods = {}, steps = 4) {
      pointer.down(from[0], from[1], mods);
      for (let i = 1; i <= steps; i++) {
        pointer.move(from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps, mods);
      }
      pointer.up(to[0], to[1], mods);
    },
  };
  return {
    editor,
    history,
    pointer,
    key: (key, mods = {}) => editor.keyDown({ key, ...mods }),
    get(id) {
      const found = editor.annotation(id);
      if (!found) throw new Error(`no annotation ${id}`);
      return found;
    },
    ids: () => editor.document.annotations.map((a) => a.id),
  };
}
