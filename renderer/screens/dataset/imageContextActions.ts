import type { Action } from '../../actions/types';
import type { ImageMeta } from '../../../shared/api';

export interface ImageContextDeps {
  /** The image the menu is about: the grid's or list's active one. */
  target(): ImageMeta | undefined;
  open(image: ImageMeta): void;
  copyFilename(image: ImageMeta): void;
  toggleOffline(): void;
}

/** The image context menu's entries, in order (null: a separator). */
export const IMAGE_MENU: readonly (string | null)[] = ['image.open', 'image.copyFilename', null, 'image.offline'];

/**
 * Commands on the browser's active image (right-click, the context-menu key, Shift+F10, and the
 * desktop menu's Image group). No default keys: Enter already opens through `browser.open`.
 */
export function imageContextActions(deps: ImageContextDeps): Action[] {
  const withTarget = (run: (image: ImageMeta) => void) => () => {
    const image = deps.target();
    if (image) run(image);
  };
  const hasTarget = () => deps.target() !== undefined;
  return [
    { id: 'image.open', label: 'Open image', group: 'Image', keys: [], enabled: hasTarget, run: withTarget(deps.open) },
    {
      id: 'image.copyFilename',
      label: 'Copy filename',
      group: 'Image',
      keys: [],
      enabled: hasTarget,
      run: withTarget(deps.copyFilename),
    },
    {
      id: 'image.offline',
      label: 'Available offline (this dataset)',
      group: 'Image',
      keys: [],
      run: deps.toggleOffline,
    },
  ];
}
