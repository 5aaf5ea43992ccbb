import { useCallback, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { uploadGate } from './AddImagesButtons';
import { describePreview, previewDrop } from './dropEntries';
import { pathsOfDrop, takeDrop } from './readDrop';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/**
 * Drag-and-drop of files and folders onto a dataset: while files hover the target says so; a drop
 * becomes a draft the user confirms (with what a duplicate name should do) before main queues it.
 * A key that may not upload (viewer) still takes the drop from the browser; the overlay explains.
 */
export function useUploadDrop(datasetId: string) {
  const enabled = uploadGate(useAppStore(selectStatus)?.role ?? null).allowed;
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, so the overlay does not flicker.
  const depth = useRef(0);

  const onDragEnter = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  }, []);
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    },
    [enabled],
  );
  const onDragLeave = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Never let the page navigate to a dropped file.
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (!enabled) return;
      const dropped = takeDrop(event.dataTransfer);
      void (async () => {
        const [{ paths, withoutPath }, preview] = await Promise.all([
          pathsOfDrop(dropped.files),
          previewDrop(dropped.entries),
        ]);
        const notes: string[] = [];
        if (withoutPath.length > 0) {
          notes.push(
            `Left out, not files on this computer (dragged from a browser or another app?): ${withoutPath.join(', ')}.`,
          );
        }
        if (preview.hidden > 0) notes.push(`${preview.hidden} hidden file(s) or folder(s) are left out.`);
        if (preview.unreadable.length > 0) notes.push(`Could not read: ${preview.unreadable.join(', ')}.`);
        appStore.getState().uploadDrafted({ datasetId, paths, description: describePreview(preview), notes });
      })();
    },
    [datasetId, enabled],
  );

  return { dragging, dropProps: { onDragEnter, onDragOver, onDragLeave, onDrop } };
}
