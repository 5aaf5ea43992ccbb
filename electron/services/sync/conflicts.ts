import type { Annotation } from '../../../shared/api';
import { mergeAnnotations, sameAnnotationList } from '../../../shared/annotations/merge';
import type { AnnotationConflict, Side } from '../../../shared/annotations/merge';
import type { ResolveRequest, ResolveResult, SyncConflict } from '../../../shared/ipc';
import { AppError } from '../errors';
import type { Outbox } from '../outbox/outbox';
import type { ConflictRecord } from '../outbox/types';
import type { SyncCatalog } from './types';

/** `sync:conflicts`: each record with the annotations in dispute, for the side-by-side resolver. */
export function listConflicts(outbox: Outbox, profileId: string): SyncConflict[] {
  return outbox.conflicts(profileId).map((c) => ({
    id: c.id,
    imageId: c.imageId,
    createdAt: new Date(c.createdMs).toISOString(),
    base: c.base,
    mine: c.mine,
    theirs: c.theirs,
    annotations: mergeAnnotations(c.base.annotations, c.mine, c.theirs.annotations).conflicts,
  }));
}

/**
 * `sync:resolve`: the user's decision applied to the disputed annotations; undisputed changes of
 * both sides are kept whatever was chosen (nothing of a colleague's is dropped silently). The
 * result is queued at the conflict's place, based on theirs' ETag — unless it equals theirs, in
 * which case nothing needs sending and the catalog simply takes theirs.
 */
export function resolveConflict(
  deps: { outbox: Outbox; catalog: SyncCatalog },
  profileId: string,
  request: Pick<ResolveRequest, 'conflictId' | 'choice'>,
): ResolveResult {
  const record = deps.outbox.conflict(request.conflictId);
  if (!record || record.profileId !== profileId) {
    throw new AppError({ code: 'not_found', message: 'That conflict is already resolved, or does not exist.' });
  }
  const choose = chooser(record, request.choice);
  const { merged } = mergeAnnotations(record.base.annotations, record.mine, record.theirs.annotations, choose);
  const resolved: Annotation[] | null = sameAnnotationList(merged, record.theirs.annotations) ? null : merged;
  deps.outbox.resolve(record.id, resolved);
  if (resolved === null)
    deps.catalog.saved(profileId, record.imageId, record.theirs.annotations, record.theirs.etag, null);
  return { conflictId: record.id, imageId: record.imageId, annotations: merged, queued: resolved !== null };
}

function chooser(record: ConflictRecord, choice: ResolveRequest['choice']): (conflict: AnnotationConflict) => Side {
  if (choice === 'mine' || choice === 'theirs') return () => choice;
  const picks = new Map(choice.choices.map((c) => [c.annotationId, c.take]));
  const disputed = mergeAnnotations(record.base.annotations, record.mine, record.theirs.annotations).conflicts;
  const missing = disputed.filter((c) => !picks.has(c.id)).map((c) => c.id);
  if (missing.length > 0) {
    throw new AppError({
      code: 'bad_request',
      message: `Choose a side for every annotation in dispute; missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}.`,
      details: { missing },
    });
  }
  return (conflict) => picks.get(conflict.id) ?? 'theirs';
}
