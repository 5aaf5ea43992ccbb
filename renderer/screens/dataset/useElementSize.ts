import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * An element's content box, kept current by a ResizeObserver (the grid's column count follows it).
 * Measured once before the first paint: the observer reports a frame later, and until then the
 * grid would show one column of tiles that are all re-dealt when the real width arrives — a click
 * in that frame opened whichever image the tile under the pointer had become.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const set = (width: number, height: number) =>
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    const style = getComputedStyle(element);
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) || 0;
    const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) || 0;
    set(Math.max(0, element.clientWidth - padX), Math.max(0, element.clientHeight - padY));
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) set(box.width, box.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
