import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useCallback, useRef, useState } from 'react';
import type { ImageMeta } from '../../../shared/api';
import { useRegisterActions } from '../../actions/useRegisterActions';
import { ContextMenu } from '../../components/ContextMenu';
import { offlineAction } from '../../store/actions/syncActions';
import { appStore } from '../../store/useAppStore';
import { IMAGE_MENU, imageContextActions } from './imageContextActions';

export interface ImageContextMenuDeps {
  datasetId: string;
  active: number;
  row(index: number): ImageMeta | undefined;
  setActive(index: number): void;
  open(image: ImageMeta): void;
}

/** Where a tile or list row says which row it is (ImageGrid, ImageList). */
const ROW_ATTRIBUTE = 'data-index';

/**
 * The dataset browser's image context menu: right-click on an image, or the context-menu key /
 * Shift+F10 on the active one. Returns the handlers for the grid's container and the menu to draw;
 * closing gives focus back where it was.
 */
export function useImageContextMenu({ datasetId, active, row, setActive, open }: ImageContextMenuDeps): {
  contentProps: { onContextMenu(event: MouseEvent): void; onKeyDown(event: KeyboardEvent): void };
  menu: ReactNode;
} {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useRegisterActions(
    imageContextActions({
      target: () => row(active),
      open,
      copyFilename: (image) =>
        void navigator.clipboard.writeText(image.filename).then(
          () => appStore.getState().noteShown({ title: 'Filename copied', message: image.filename }),
          () =>
            appStore.getState().toastShown('The filename could not be copied', {
              code: 'internal',
              message: 'The clipboard refused it: try again with the window focused.',
            }),
        ),
      toggleOffline: () => {
        const status = appStore.getState().offlineByDataset[datasetId];
        void offlineAction(appStore, status && status.state !== 'off' ? 'disable' : 'enable', datasetId);
      },
    }),
  );

  const show = (point: { x: number; y: number }) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAt(point);
  };
  const close = useCallback(() => {
    setAt(null);
    returnFocus.current?.focus();
  }, []);

  const onContextMenu = (event: MouseEvent) => {
    const tile = event.target instanceof Element ? event.target.closest(`[${ROW_ATTRIBUTE}]`) : null;
    const index = Number(tile?.getAttribute(ROW_ATTRIBUTE));
    if (!tile || !Number.isInteger(index) || !row(index)) return;
    event.preventDefault();
    setActive(index);
    show({ x: event.clientX, y: event.clientY });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
    const tile = event.currentTarget.querySelector(`[${ROW_ATTRIBUTE}="${active}"]`);
    if (!tile || !row(active)) return;
    event.preventDefault();
    const box = tile.getBoundingClientRect();
    show({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  };

  const menu = at ? (
    <ContextMenu at={at} actionIds={IMAGE_MENU} label="Image actions" testId="browser.contextMenu" onClose={close} />
  ) : null;
  return { contentProps: { onContextMenu, onKeyDown }, menu };
}
