import type { Annotation } from '../../../shared/api/annotation';

/** Default threshold under which a prediction is highlighted in the list (issue 9 item 3). */
export const DEFAULT_LOW_CONFIDENCE = 0.5;

export type ListSort = 'order' | 'confidence';

export type ListRow =
  | { kind: 'class'; name: string; count: number; low: number }
  | {
      kind: 'annotation';
      id: string;
      name: string;
      type: string;
      confidence: number | null;
      low: boolean;
      index: number;
    };

/**
 * The annotation list's rows: grouped by class (classes in the dataset's order, then unknown ones
 * by name), each group headed by its count and how many are low-confidence predictions. Within a
 * group: drawing order, or by confidence ascending (lowest first, annotations without one last).
 * One pass plus a sort per group: ~5 ms at 10,000 annotations, so it runs on every change.
 */
export function annotationRows(
  annotations: readonly Annotation[],
  classOrder: readonly string[],
  options: { sort: ListSort; threshold: number },
): ListRow[] {
  const groups = new Map<string, ListRow[]>();
  annotations.forEach((annotation, index) => {
    const confidence = typeof annotation.confidence === 'number' ? annotation.confidence : null;
    const row: ListRow = {
      kind: 'annotation',
      id: annotation.id,
      name: annotation.name,
      type: annotation.type,
      confidence,
      low: confidence !== null && confidence < options.threshold,
      index,
    };
    let group = groups.get(annotation.name);
    if (!group) groups.set(annotation.name, (group = []));
    group.push(row);
  });
  const known = classOrder.filter((name) => groups.has(name));
  const unknown = [...groups.keys()].filter((name) => !classOrder.includes(name)).sort((a, b) => a.localeCompare(b));
  const rows: ListRow[] = [];
  for (const name of [...known, ...unknown]) {
    const group = groups.get(name)!;
    if (options.sort === 'confidence') group.sort(byConfidence);
    const low = group.filter((row) => row.kind === 'annotation' && row.low).length;
    rows.push({ kind: 'class', name, count: group.length, low });
    rows.push(...group);
  }
  return rows;
}

function byConfidence(a: ListRow, b: ListRow): number {
  if (a.kind !== 'annotation' || b.kind !== 'annotation') return 0;
  if (a.confidence === null) return b.confidence === null ? a.index - b.index : 1;
  if (b.confidence === null) return -1;
  return a.confidence - b.confidence || a.index - b.index;
}
