import { useCallback, useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * What the grid and the list do alike with their scroller: report its offset on every scroll
 * (passive, so the browser never waits for us), and select an item while keeping keyboard focus
 * on the scroller without scrolling it. Returns `select(index)`.
 */
export function useScroller(
  scrollRef: RefObject<HTMLDivElement | null>,
  onScrollOffset: (offset: number) => void,
  onActiveChange: (index: number) => void,
): (index: number) => void {
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => onScrollOffset(element.scrollTop);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scrollRef, onScrollOffset]);

  return useCallback(
    (index: number) => {
      onActiveChange(index);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [scrollRef, onActiveChange],
  );
}
