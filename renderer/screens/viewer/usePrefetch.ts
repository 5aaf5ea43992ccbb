import { useEffect } from 'react';
import type { DatasetClass } from '../../../shared/api';
import type { CatalogPosition } from '../../../shared/ipc';
import { viewerCache } from './viewerCache';

/**
 * Once the image on screen is ready and painted, prepares its neighbours in the order the user is
 * most likely to go: next, the one after, previous. Waiting keeps their loads (two 4096² decodes,
 * their lists crossing from main) from competing with the current image's own draw and raster:
 * the prefetch starts on the frame after the one that showed it.
 */
export function usePrefetch(
  position: CatalogPosition | null,
  classes: readonly DatasetClass[] | null,
  currentReady: boolean,
): void {
  useEffect(() => {
    if (!position || !classes || !currentReady) return;
    const ids = [position.after[0], position.after[1], position.before[0]].filter(
      (id): id is string => typeof id === 'string',
    );
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => viewerCache.prefetch(ids, classes));
    });
    return () => cancelAnimationFrame(frame);
  }, [position, classes, currentReady]);
}
