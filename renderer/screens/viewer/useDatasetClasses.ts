import { useEffect, useState } from 'react';
import type { Dataset, DatasetClass } from '../../../shared/api';
import { callApi } from '../../api/bridge';
import { useAppStore } from '../../store/useAppStore';

/**
 * The dataset (for its name and class colours): from the loaded list when it is there, else asked
 * for once. A dataset that cannot be read still lets the image show, with fallback colours.
 */
export function useDataset(datasetId: string): { dataset: Dataset | null; classes: readonly DatasetClass[] | null } {
  const listed = useAppStore((state) => state.datasets?.find((d) => d.id === datasetId) ?? null);
  const [fetched, setFetched] = useState<{ id: string; dataset: Dataset | null } | null>(null);

  useEffect(() => {
    if (listed) return;
    let live = true;
    void callApi((api) => api.datasets.get({ datasetId })).then((result) => {
      if (live) setFetched({ id: datasetId, dataset: result.ok ? result.value : null });
    });
    return () => {
      live = false;
    };
  }, [datasetId, listed]);

  if (listed) return { dataset: listed, classes: listed.classes };
  if (fetched?.id === datasetId) return { dataset: fetched.dataset, classes: fetched.dataset?.classes ?? NO_CLASSES };
  return { dataset: null, classes: null };
}

const NO_CLASSES: readonly DatasetClass[] = [];
