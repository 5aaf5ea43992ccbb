import type { Annotation } from '../../../shared/api';
import { fitCamera } from '../../viewer/camera';
import { drawScene } from '../../viewer/drawScene';
import { prepareScene } from '../../viewer/prepareScene';

export interface ConflictPicture {
  image: HTMLImageElement | null;
  /** The image's size, or the annotations' extent when the image is not here. */
  size: { width: number; height: number };
}

/** The size to fit: the image's, else the annotations' extent (at least 1×1). */
export function contentSize(
  image: HTMLImageElement | null,
  lists: readonly Annotation[][],
): { width: number; height: number } {
  if (image && image.naturalWidth > 0) return { width: image.naturalWidth, height: image.naturalHeight };
  let width = 1;
  let height = 1;
  for (const list of lists)
    for (const a of list) {
      const box = a.bounding_box as { x?: unknown; y?: unknown; w?: unknown; h?: unknown } | undefined;
      if (box && typeof box.x === 'number' && typeof box.w === 'number') width = Math.max(width, box.x + box.w);
      if (box && typeof box.y === 'number' && typeof box.h === 'number') height = Math.max(height, box.y + box.h);
    }
  return { width, height };
}

/**
 * Draws one side of a conflict with the viewer's own renderer (prepareScene + drawScene): the
 * image fitted to the canvas and the annotations over it, so both versions look exactly as they
 * do in the viewer.
 */
export function drawConflictSide(
  canvas: HTMLCanvasElement,
  picture: ConflictPicture,
  annotations: readonly Annotation[],
  classes: readonly { name: string; color: unknown }[],
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const pixelRatio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 320;
  const height = canvas.clientHeight || 240;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const camera = fitCamera({ width, height }, picture.size);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const s = camera.scale * pixelRatio;
  ctx.setTransform(s, 0, 0, s, camera.x * pixelRatio, camera.y * pixelRatio);
  if (picture.image) ctx.drawImage(picture.image, 0, 0);
  const scene = prepareScene(annotations, classes, { imageSize: picture.size });
  drawScene(ctx, scene, { camera, pixelRatio, hiddenClasses: new Uint8Array(scene.classes.length), visible: null });
}
