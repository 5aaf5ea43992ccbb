import type { CatalogPosition } from '../../shared/ipc';

/** A position answer and the image it was asked for. */
export interface KnownPosition {
  imageId: string;
  position: CatalogPosition;
}

/**
 * Where next and previous lead from `imageId`. From its own position when known; while that is
 * still being asked for, from the previous image's position (which lists two ids either side),
 * so holding D moves on without waiting for each answer.
 */
export function stepTargets(
  imageId: string,
  current: CatalogPosition | null,
  previous: KnownPosition | null,
): { next: string | null; previous: string | null } {
  if (current) return { next: current.after[0] ?? null, previous: current.before[0] ?? null };
  if (!previous) return { next: null, previous: null };
  const { after, before } = previous.position;
  if (after[0] === imageId) return { next: after[1] ?? null, previous: previous.imageId };
  if (before[0] === imageId) return { next: previous.imageId, previous: before[1] ?? null };
  return { next: null, previous: null };
}
