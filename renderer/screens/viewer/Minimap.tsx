import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { minimapSize, minimapToWorld, needsMinimap, viewportInMinimap } from '../../viewer/minimap';
import type { ViewerStage } from '../../viewer/viewerStage';

/**
 * A small copy of the picture with the part in view outlined, shown only when the view does not
 * show the whole image. Click or drag in it to move there.
 */
export function Minimap({ stage, picture }: { stage: ViewerStage; picture: ImageBitmap | null }) {
  const snapshot = useSyncExternalStore(stage.subscribe, stage.getSnapshot);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);
  const content = snapshot.content;
  const size = content ? minimapSize(content) : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !size) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#2a2d36';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    try {
      if (picture) ctx.drawImage(picture, 0, 0, canvas.width, canvas.height);
    } catch {
      // A bitmap released by the cache while this effect was queued: the grey backdrop stays.
    }
  }, [picture, size?.width, size?.height]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!content || !size || !needsMinimap(snapshot.camera, snapshot.view, content)) return null;
  const rect = viewportInMinimap(snapshot.camera, snapshot.view, content, size);

  const moveTo = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const world = minimapToWorld({ x: event.clientX - box.left, y: event.clientY - box.top }, content, size);
    stage.centreOn(world.x, world.y);
  };

  return (
    <div
      className="viewer-minimap"
      data-testid="viewer.minimap"
      style={{ width: size.width, height: size.height }}
      role="presentation"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = true;
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (dragging.current) moveTo(event);
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
    >
      <canvas ref={canvasRef} style={{ width: size.width, height: size.height }} aria-hidden="true" />
      <span
        className="viewer-minimap__view"
        data-testid="viewer.minimap.view"
        style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      />
    </div>
  );
}
