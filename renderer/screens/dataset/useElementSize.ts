import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** An element's content box, kept current by a ResizeObserver (the grid's column count follows it). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box)
        setSize((old) =>
          old.width === box.width && old.height === box.height ? old : { width: box.width, height: box.height },
        );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
