import type { Annotation } from '../../../shared/api/annotation';

/**
 * One image's document (design §6): what is saved and undone. Annotations are immutable wire
 * records in image pixels, in drawing order (later = on top), every unknown field kept verbatim;
 * the review status sits beside them. Everything else (tool, selection, hover, hidden, locked) is
 * session state (session.ts) and never enters history.
 */
export interface ReviewState {
  /** The image status as the server spells it ('new', 'in_progress', 'complete', or another). */
  status: string;
  /** The note of a "request changes", when there is one. */
  note: string | null;
}

export interface EditorDocument {
  readonly imageId: string;
  readonly annotations: readonly Annotation[];
  readonly review: ReviewState | null;
}

export function createDocument(
  imageId: string,
  annotations: readonly Annotation[],
  review: ReviewState | null = null,
): EditorDocument {
  return { imageId, annotations, review };
}

/**
 * id → position, cached per list. Lists that only replace records in place (a move, a vertex
 * drag) share the map of the list they came from, so a drag over 10,000 annotations never
 * rebuilds it; a list with a new order gets a fresh one on first use.
 */
const positions = new WeakMap<readonly Annotation[], Map<string, number>>();

export function indexById(list: readonly Annotation[]): Map<string, number> {
  let map = positions.get(list);
  if (!map) {
    map = new Map();
    for (let i = 0; i < list.length; i++) map.set(list[i]!.id, i);
    positions.set(list, map);
  }
  return map;
}

export function findAnnotation(list: readonly Annotation[], id: string): Annotation | undefined {
  const at = indexById(list).get(id);
  return at === undefined ? undefined : list[at];
}

/** The list with these records put in place of the ones with the same ids (ids not present are ignored). */
export function replaceRecords(list: readonly Annotation[], records: Iterable<Annotation>): readonly Annotation[] {
  const map = indexById(list);
  const next = list.slice();
  for (const record of records) {
    const at = map.get(record.id);
    if (at !== undefined) next[at] = record;
  }
  positions.set(next, map);
  return next;
}
