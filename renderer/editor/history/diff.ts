import type { Annotation } from '../../../shared/api/annotation';
import type { EditorDocument, ReviewState } from '../document/document';
import { indexById, replaceRecords } from '../document/document';

/**
 * A document change as data (design §6: undo is a stack of diffs): per annotation its record
 * before and after (null = absent: a creation or a deletion), plus the order of ids before and
 * after when the order or the set of ids changed, plus the review status when it changed. Records
 * are immutable, so a diff costs only the changed annotations (and two id lists for structural
 * changes), never a copy of the document.
 */
export interface AnnotationChange {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

export interface DocumentDiff {
  changes: readonly AnnotationChange[];
  order?: { before: readonly string[]; after: readonly string[] };
  review?: { before: ReviewState | null; after: ReviewState | null };
}

export const EMPTY_DIFF: DocumentDiff = { changes: [] };

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return diff.changes.length === 0 && diff.order === undefined && diff.review === undefined;
}

export function invertDiff(diff: DocumentDiff): DocumentDiff {
  const inverse: DocumentDiff = { changes: diff.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) };
  return {
    ...inverse,
    ...(diff.order ? { order: { before: diff.order.after, after: diff.order.before } } : {}),
    ...(diff.review ? { review: { before: diff.review.after, after: diff.review.before } } : {}),
  };
}

/**
 * `first` then `second` as one diff (a drag's many moves become one undo step). Per id the first
 * `before` and the last `after`; a change that ends where it began is dropped.
 */
export function composeDiffs(first: DocumentDiff, second: DocumentDiff): DocumentDiff {
  const merged = new Map<string, AnnotationChange>();
  for (const c of first.changes) merged.set(c.id, c);
  for (const c of second.changes) {
    const earlier = merged.get(c.id);
    merged.set(c.id, earlier ? { id: c.id, before: earlier.before, after: c.after } : c);
  }
  const changes = [...merged.values()].filter((c) => c.before !== c.after);
  const orderBefore = first.order?.before ?? second.order?.before;
  const orderAfter = second.order?.after ?? first.order?.after;
  const order =
    orderBefore && orderAfter && !sameIds(orderBefore, orderAfter)
      ? { before: orderBefore, after: orderAfter }
      : undefined;
  const reviewBefore = first.review ? first.review.before : second.review?.before;
  const reviewAfter = second.review ? second.review.after : first.review?.after;
  const review =
    (first.review || second.review) && reviewBefore !== reviewAfter
      ? { before: reviewBefore ?? null, after: reviewAfter ?? null }
      : undefined;
  return { changes, ...(order ? { order } : {}), ...(review ? { review } : {}) };
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The document after `diff`. Changes without an order change replace records in place (O(changed)
 * plus one array copy); an order change rebuilds the list from the id order.
 */
export function applyDiff(doc: EditorDocument, diff: DocumentDiff): EditorDocument {
  let annotations = doc.annotations;
  if (diff.order) {
    const after = new Map<string, Annotation | null>(diff.changes.map((c) => [c.id, c.after]));
    const at = indexById(annotations);
    const next: Annotation[] = [];
    for (const id of diff.order.after) {
      const record = after.has(id) ? after.get(id) : annotations[at.get(id) ?? -1];
      if (record) next.push(record);
    }
    annotations = next;
  } else if (diff.changes.length > 0) {
    annotations = replaceRecords(
      annotations,
      diff.changes.flatMap((c) => (c.after ? [c.after] : [])),
    );
  }
  const review = diff.review ? diff.review.after : doc.review;
  return annotations === doc.annotations && review === doc.review ? doc : { ...doc, annotations, review };
}

/** Ids in document order, for building structural diffs. */
export function idsOf(list: readonly Annotation[]): string[] {
  return list.map((a) => a.id);
}

/** The diff that replaces records in place (same ids, same order). */
export function replacementDiff(doc: EditorDocument, records: readonly Annotation[]): DocumentDiff {
  const at = indexById(doc.annotations);
  const changes: AnnotationChange[] = [];
  for (const after of records) {
    const i = at.get(after.id);
    const before = i === undefined ? undefined : doc.annotations[i];
    if (before !== undefined && before !== after) changes.push({ id: after.id, before, after });
  }
  return { changes };
}

/**
 * The diff from `doc`'s list to `next` (any insertions, deletions, replacements and reordering),
 * found by id and record identity: O(n), for structural edits (add, delete, paste, reorder).
 */
export function listDiff(doc: EditorDocument, next: readonly Annotation[]): DocumentDiff {
  const before = doc.annotations;
  const beforeAt = indexById(before);
  const nextIds = new Set<string>();
  const changes: AnnotationChange[] = [];
  for (const after of next) {
    nextIds.add(after.id);
    const i = beforeAt.get(after.id);
    const previous = i === undefined ? null : before[i]!;
    if (previous !== after) changes.push({ id: after.id, before: previous, after });
  }
  for (const record of before)
    if (!nextIds.has(record.id)) changes.push({ id: record.id, before: record, after: null });
  const orderBefore = idsOf(before);
  const orderAfter = idsOf(next);
  return sameIds(orderBefore, orderAfter)
    ? { changes }
    : { changes, order: { before: orderBefore, after: orderAfter } };
}
