import type { Annotation } from '../api/annotation';
import { withStoredDefaults } from './canonicalize';

/**
 * Three-way merge of annotation lists by annotation id (issue 10 item 2, docs/offline.md).
 *
 * `base` is the list an edit started from, `mine` the edited list, `theirs` what the server holds
 * now. Per id:
 *
 * | mine \ theirs | unchanged | changed             | deleted        | (absent from base) |
 * | ------------- | --------- | ------------------- | -------------- | ------------------ |
 * | unchanged     | keep      | theirs              | deleted        |                    |
 * | changed       | mine      | conflict¹           | conflict       |                    |
 * | deleted       | deleted   | conflict            | deleted        |                    |
 * | added         |           |                     |                | conflict¹ / mine   |
 *
 * ¹ not a conflict when both sides made the very same change (or added the same annotation).
 * An annotation only one side added is kept.
 *
 * "Same" means equal after canonical key order and the §7.3 defaults (`confidence` null or absent
 * = 1, `created_by` absent = null, `attributes` absent = []) — and a polygon's or polyline's
 * `bounding_box` is ignored, because the server recomputes it from the points. Annotations are kept
 * verbatim (every unknown field), never rebuilt.
 *
 * Order of the result: theirs' order (so a colleague's reordering survives), then the annotations
 * only mine has, in mine's order.
 *
 * A conflict is decided by `choose` (default: theirs, so nothing of a colleague's is ever lost
 * silently); `conflicts` lists them all, whatever was chosen, and callers that must not decide for
 * the user check it before using `merged`.
 */
export type ConflictKind = 'both-changed' | 'both-added' | 'changed-deleted' | 'deleted-changed';

export interface AnnotationConflict {
  id: string;
  /** `changed-deleted`: mine changed it, theirs deleted it; `deleted-changed` the other way round. */
  kind: ConflictKind;
  base: Annotation | null;
  mine: Annotation | null;
  theirs: Annotation | null;
}

export type Side = 'mine' | 'theirs';

export interface MergeResult {
  merged: Annotation[];
  conflicts: AnnotationConflict[];
}

export function mergeAnnotations(
  base: readonly Annotation[],
  mine: readonly Annotation[],
  theirs: readonly Annotation[],
  choose: (conflict: AnnotationConflict) => Side = () => 'theirs',
): MergeResult {
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const conflicts: AnnotationConflict[] = [];
  /** The version each id ends with; absent = deleted. */
  const chosen = new Map<string, Annotation>();

  const ids = new Set([...baseById.keys(), ...mineById.keys(), ...theirsById.keys()]);
  for (const id of ids) {
    const b = baseById.get(id) ?? null;
    const m = mineById.get(id) ?? null;
    const t = theirsById.get(id) ?? null;
    const outcome = decide(b, m, t);
    if (outcome === 'delete') continue;
    if (outcome === 'mine' || outcome === 'theirs') {
      const pick = outcome === 'mine' ? m : t;
      if (pick) chosen.set(id, pick);
      continue;
    }
    const conflict: AnnotationConflict = { id, kind: outcome.conflict, base: b, mine: m, theirs: t };
    conflicts.push(conflict);
    const pick = choose(conflict) === 'mine' ? m : t;
    if (pick) chosen.set(id, pick);
  }

  const merged: Annotation[] = [];
  for (const a of theirs) {
    const pick = chosen.get(a.id);
    if (pick && chosen.delete(a.id)) merged.push(pick);
  }
  for (const a of mine) {
    const pick = chosen.get(a.id);
    if (pick && chosen.delete(a.id)) merged.push(pick);
  }
  return { merged, conflicts };
}

type Outcome = 'mine' | 'theirs' | 'delete' | { conflict: ConflictKind };

function decide(b: Annotation | null, m: Annotation | null, t: Annotation | null): Outcome {
  if (b === null) {
    // Added on one side or both: the same addition twice is one addition.
    if (m && t) return sameAnnotation(m, t) ? 'theirs' : { conflict: 'both-added' };
    return m ? 'mine' : 'theirs';
  }
  const mineChanged = m !== null && !sameAnnotation(b, m);
  const theirsChanged = t !== null && !sameAnnotation(b, t);
  if (m === null && t === null) return 'delete';
  if (m === null) return theirsChanged ? { conflict: 'deleted-changed' } : 'delete';
  if (t === null) return mineChanged ? { conflict: 'changed-deleted' } : 'delete';
  if (mineChanged && theirsChanged) return sameAnnotation(m, t) ? 'theirs' : { conflict: 'both-changed' };
  return mineChanged ? 'mine' : 'theirs';
}

function byId(list: readonly Annotation[]): Map<string, Annotation> {
  const map = new Map<string, Annotation>();
  // Ids are unique within a list (§7.3, checked before every save and by the server); should a
  // list break that, its first occurrence is the one merged.
  for (const a of list) if (!map.has(a.id)) map.set(a.id, a);
  return map;
}

/** Equal as the server would store them (see the header): key order and defaults do not matter. */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a === b || canonicalText(a) === canonicalText(b);
}

/** Two lists hold the same annotations in the same order (the §7.3 sense of "same"). */
export function sameAnnotationList(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  return a.length === b.length && a.every((x, i) => sameAnnotation(x, b[i]!));
}

function canonicalText(a: Annotation): string {
  const normal: Record<string, unknown> = { ...withStoredDefaults(a) };
  if (a.type === 'polygon' || a.type === 'polyline') delete normal.bounding_box;
  return JSON.stringify(sortKeys(normal));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so even a "__proto__" key is compared as data.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
