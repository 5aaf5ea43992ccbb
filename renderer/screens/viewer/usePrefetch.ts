import { useEffect } from 'react';
import type { DatasetClass } from '../../../shared/api';
import type { CatalogPosition } from '../../../shared/ipc';
import { viewerCache } from './viewerCache';

/**
 * Once the image on screen is ready, prepares its neighbours in the order the user is most
 * likely to go: next, the one after, previous. Waiting for the current image keeps its own load
 * from competing with prefetches.
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
    viewerCache.prefetch(ids, classes);
  }, [position, classes, currentReady]);
}
