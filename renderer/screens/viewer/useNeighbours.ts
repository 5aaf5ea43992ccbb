import { useEffect, useState } from 'react';
import type { CatalogPosition, CatalogQuery, IpcError } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';

export type NeighboursState =
  { state: 'loading' } | { state: 'ready'; position: CatalogPosition } | { state: 'failed'; error: IpcError };

/** Where the image sits in the browser's filter and sort order, with two ids either side. */
export function useNeighbours(datasetId: string, imageId: string, query: CatalogQuery): NeighboursState {
  const key = `${datasetId}/${imageId}/${JSON.stringify(query)}`;
  const [result, setResult] = useState<{ key: string; state: NeighboursState } | null>(null);

  useEffect(() => {
    let live = true;
    void callApi((api) => api.catalog.position({ datasetId, imageId, query, span: 2 })).then((answer) => {
      if (!live) return;
      setResult({
        key,
        state: answer.ok ? { state: 'ready', position: answer.value } : { state: 'failed', error: answer.error },
      });
    });
    return () => {
      live = false;
    };
  }, [datasetId, imageId, query, key]);

  return result?.key === key ? result.state : { state: 'loading' };
}
