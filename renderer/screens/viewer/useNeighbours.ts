import { useEffect, useState } from 'react';
import type { CatalogPosition, CatalogQuery, IpcError } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import type { KnownPosition } from '../../viewer/neighbours';

export type NeighboursState =
  { state: 'loading' } | { state: 'ready'; position: CatalogPosition } | { state: 'failed'; error: IpcError };

/**
 * Where the image sits in the browser's filter and sort order, with two ids either side; and,
 * while that is being asked, the last answer for another image of the same query.
 */
export function useNeighbours(
  datasetId: string,
  imageId: string,
  query: CatalogQuery,
): NeighboursState & { previous: KnownPosition | null } {
  const queryKey = `${datasetId}/${JSON.stringify(query)}`;
  const key = `${imageId}/${queryKey}`;
  const [result, setResult] = useState<{
    key: string;
    queryKey: string;
    imageId: string;
    state: NeighboursState;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void callApi((api) => api.catalog.position({ datasetId, imageId, query, span: 2 })).then((answer) => {
      if (!live) return;
      setResult({
        key,
        queryKey,
        imageId,
        state: answer.ok ? { state: 'ready', position: answer.value } : { state: 'failed', error: answer.error },
      });
    });
    return () => {
      live = false;
    };
  }, [datasetId, imageId, query, key, queryKey]);

  if (result?.key === key) return { ...result.state, previous: null };
  const previous =
    result && result.queryKey === queryKey && result.state.state === 'ready'
      ? { imageId: result.imageId, position: result.state.position }
      : null;
  return { state: 'loading', previous };
}
