import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Above this speed a tile is gone before its thumbnail could be looked at (about 4 screens a second). */
export const FAST_SCROLL_PX_PER_S = 2500;
/** Speed is judged over this window, and "fast" ends this long after the scrolling slows or stops. */
const WINDOW_MS = 120;

/**
 * True while the element scrolls faster than FAST_SCROLL_PX_PER_S. The grid holds thumbnail
 * requests meanwhile: decoding dozens of images a second for tiles nobody can see is what made
 * frames drop in the browser bench; they load as soon as the scroll slows.
 */
export function useFastScroll(ref: RefObject<HTMLElement | null>): boolean {
  const [fast, setFast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let samples: { t: number; y: number }[] = [];
    let timer = 0;
    let current = false;
    const set = (value: boolean) => {
      if (value !== current) {
        current = value;
        setFast(value);
      }
    };
    const onScroll = () => {
      const t = performance.now();
      samples.push({ t, y: element.scrollTop });
      samples = samples.filter((s) => t - s.t <= WINDOW_MS);
      const first = samples[0]!;
      const elapsed = t - first.t;
      const speed = elapsed > 0 ? (Math.abs(element.scrollTop - first.y) / elapsed) * 1000 : 0;
      // A single jump (scrollbar drag, Home/End) is not a fast scroll: it needs two samples.
      set(samples.length > 2 && speed > FAST_SCROLL_PX_PER_S);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        samples = [];
        set(false);
      }, WINDOW_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [ref]);
  return fast;
}
