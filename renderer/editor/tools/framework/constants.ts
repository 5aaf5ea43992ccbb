/**
 * Interaction distances, in screen (CSS) pixels: the same feel at every zoom. Tools turn them into
 * image pixels with `ctx.tolerance(px)`.
 */
/** How close to an outline, a line or a keypoint a click picks it. */
export const PICK_TOLERANCE_PX = 4;
/** How close to a handle or vertex a press grabs it (handles are drawn ~8 px wide). */
export const HANDLE_TOLERANCE_PX = 6;
/** How far the pointer travels before a press becomes a drag (a shaky click stays a click). */
export const DRAG_THRESHOLD_PX = 3;
/** How far a new point looks for an existing vertex to snap to (with the snap modifier). */
export const SNAP_RADIUS_PX = 10;
/** A click this close to a polygon's first point closes it. */
export const CLOSE_RADIUS_PX = 8;
/** A drawn box smaller than this on screen is treated as a stray click, not a box. */
export const MIN_DRAW_PX = 4;
/** Duplicates and same-image pastes land this far (image pixels) from the original. */
export const PASTE_OFFSET = 10;
