import type { ImageMeta } from '../../../shared/api';
import { displayStatus } from '../../../shared/api';

export interface StatusBadge {
  /** CSS modifier: known statuses get colours, unknown ones a neutral badge. */
  tone: 'new' | 'in_progress' | 'complete' | 'other';
  label: string;
}

const known: Record<string, StatusBadge> = {
  new: { tone: 'new', label: 'New' },
  in_progress: { tone: 'in_progress', label: 'In progress' },
  complete: { tone: 'complete', label: 'Complete' },
};

/** `annotate`/`review` read as in progress; anything newer shows verbatim, never crashes (§12). */
export function statusBadge(status: string): StatusBadge {
  const shown = displayStatus(status);
  return known[shown] ?? { tone: 'other', label: shown };
}

/** "day/scene_001.jpg" — the path people recognise from their own folders. */
export function imagePath(image: Pick<ImageMeta, 'directory_path' | 'filename'>): string {
  const dir = image.directory_path.replace(/^\/+|\/+$/g, '');
  return dir ? `${dir}/${image.filename}` : image.filename;
}

/** Lowest model confidence on the image as a percentage, or null when every shape is human-made. */
export function lowestConfidence(image: Pick<ImageMeta, 'min_confidence'>): string | null {
  const value = image.min_confidence;
  if (value === null || value === undefined || !Number.isFinite(value) || value >= 1) return null;
  return `${Math.round(Math.max(0, value) * 100)}%`;
}
