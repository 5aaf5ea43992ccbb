import { useEffect, useState } from 'react';
import type { DatasetClass } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import type { PreparedImage } from '../../viewer/preparedImages';
import { viewerCache } from './viewerCache';

export type ImageState =
  | { state: 'loading'; previous: PreparedImage | null }
  | { state: 'ready'; image: PreparedImage }
  | { state: 'failed'; error: IpcError; previous: PreparedImage | null };

/**
 * The prepared image for `imageId` once `classes` are known. While the next one loads, the last
 * one stays available as `previous`, so the stage keeps its picture instead of flashing empty.
 */
export function usePreparedImage(
  imageId: string,
  classes: readonly DatasetClass[] | null,
  attempt: number,
): ImageState {
  const [result, setResult] = useState<{ key: string; state: ImageState } | null>(null);
  const [last, setLast] = useState<PreparedImage | null>(null);
  const key = `${imageId}#${attempt}#${classes ? 'c' : '-'}`;

  useEffect(() => {
    if (!classes) return;
    let live = true;
    viewerCache.setCurrent(imageId);
    void viewerCache.load(imageId, classes).then((loaded) => {
      if (!live) return;
      if (loaded.ok) {
        setLast(loaded.image);
        setResult({ key, state: { state: 'ready', image: loaded.image } });
      } else {
        setResult({ key, state: { state: 'failed', error: loaded.error, previous: null } });
      }
    });
    return () => {
      live = false;
    };
  }, [imageId, classes, key]);

  if (result?.key === key) return result.state;
  return { state: 'loading', previous: last };
}
