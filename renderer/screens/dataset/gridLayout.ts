/** Sizes of the thumbnail grid, from the width it has. Pure so the bench and tests agree with the screen. */
export const GRID_MIN_TILE = 176;
export const GRID_GAP = 14;
export const GRID_PADDING = 20;
/** Filename and one line of facts under each thumbnail. */
export const GRID_CAPTION = 44;
export const LIST_ROW_HEIGHT = 48;

export interface GridLayout {
  columns: number;
  tileWidth: number;
  /** One row: thumbnail (4:3) + caption + gap. */
  rowHeight: number;
}

export function gridLayout(width: number): GridLayout {
  const inner = Math.max(GRID_MIN_TILE, width - GRID_PADDING * 2);
  const columns = Math.max(1, Math.floor((inner + GRID_GAP) / (GRID_MIN_TILE + GRID_GAP)));
  const tileWidth = Math.floor((inner - GRID_GAP * (columns - 1)) / columns);
  return { columns, tileWidth, rowHeight: Math.round((tileWidth * 3) / 4) + GRID_CAPTION + GRID_GAP };
}
