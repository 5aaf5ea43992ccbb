import type { Dataset, DatasetClass } from '../../../shared/api';

export interface WorkspaceTotals {
  datasets: number;
  images: number;
  completedImages: number;
  annotations: number;
}

/** Totals for the datasets header ("3 datasets · 2,400 images · 61 % reviewed"). */
export function summarizeDatasets(datasets: readonly Dataset[]): WorkspaceTotals {
  return datasets.reduce<WorkspaceTotals>(
    (totals, dataset) => ({
      datasets: totals.datasets + 1,
      images: totals.images + dataset.image_count,
      completedImages: totals.completedImages + Math.min(dataset.completed_image_count, dataset.image_count),
      annotations: totals.annotations + dataset.annotation_count,
    }),
    { datasets: 0, images: 0, completedImages: 0, annotations: 0 },
  );
}

const FALLBACK_COLOR = '#8a919e';

/** Class colours come from the server: only well-formed hex colours reach a style attribute. */
export function safeColor(color: string | null | undefined): string {
  if (typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color.trim()))
    return color.trim().toLowerCase();
  return FALLBACK_COLOR;
}

/** The chips that fit on a card, and how many were left out ("+4"). */
export function visibleClasses(
  classes: readonly DatasetClass[],
  max: number,
): { shown: DatasetClass[]; hidden: number } {
  const limit = Math.max(0, Math.floor(max));
  return { shown: classes.slice(0, limit), hidden: Math.max(0, classes.length - limit) };
}

const typeLabels: Record<string, string> = {
  bbox: 'Boxes',
  polygon: 'Polygons',
  polyline: 'Polylines',
  keypoint: 'Keypoints',
};

/** Known annotation types read as words; unknown ones from newer servers show verbatim (§12). */
export function annotationTypeLabel(type: string): string {
  return typeLabels[type] ?? type;
}

/** Datasets by most recently changed first: the one you worked on last is where you continue. */
export function sortDatasetsForOverview(datasets: readonly Dataset[]): Dataset[] {
  return [...datasets].sort((a, b) => {
    const byUpdate = (Date.parse(b.updated_at) || 0) - (Date.parse(a.updated_at) || 0);
    return byUpdate || a.name.localeCompare(b.name);
  });
}
