import { useCallback, useEffect, useState } from 'react';
import type { StageContent } from '../../viewer/viewerStage';
import { ViewerStage } from '../../viewer/viewerStage';

interface ViewerCanvasProps {
  content: StageContent | null;
  /** Class names hidden in the legend. */
  hidden: ReadonlySet<string>;
  brightness: number;
  contrast: number;
  onStage(stage: ViewerStage | null): void;
}

/** Mounts the framework-free ViewerStage on a div and forwards props to it; nothing more. */
export function ViewerCanvas({ content, hidden, brightness, contrast, onStage }: ViewerCanvasProps) {
  const [stage, setStage] = useState<ViewerStage | null>(null);
  const attach = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      const created = new ViewerStage(element);
      setStage(created);
      onStage(created);
      return () => {
        created.destroy();
        setStage(null);
        onStage(null);
      };
    },
    [onStage],
  );

  useEffect(() => {
    stage?.setContent(content);
  }, [stage, content]);

  useEffect(() => {
    if (!stage || !content) return;
    const mask = new Uint8Array(content.scene.classes.length);
    content.scene.classes.forEach((cls) => {
      if (hidden.has(cls.name)) mask[cls.index] = 1;
    });
    stage.setHiddenClasses(mask);
  }, [stage, content, hidden]);

  useEffect(() => {
    stage?.setAdjustments(brightness, contrast);
  }, [stage, brightness, contrast]);

  return (
    <div
      ref={attach}
      className="viewer-canvas"
      data-testid="viewer.canvas"
      tabIndex={0}
      role="img"
      aria-label="The image with its annotations. Wheel to zoom at the pointer; hold Space and drag, or drag with the middle button, to pan."
    />
  );
}
