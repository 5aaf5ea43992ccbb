import type { Annotation, SaveAnnotationsResult } from '../../../shared/api';
import { mergeAnnotations, sameAnnotationList } from '../../../shared/annotations/merge';
import type { DatasetRules } from '../../../shared/annotations/validate';
import { AppError, isAppError } from '../errors';
import type { Outbox } from '../outbox/outbox';
import type { SaveBase, SaveEntry } from '../outbox/types';
import type { Session } from '../session/session';

export type SaveOutcome =
  | {
      kind: 'sent';
      /** Null when nothing had to be sent: the server already held exactly this state. */
      result: SaveAnnotationsResult | null;
      etag: string | null;
      annotations: Annotation[];
      merged: boolean;
    }
  | { kind: 'conflict'; conflictId: number };

/** How many times the server may move under one group before we give up until the next flush. */
const MAX_MERGE_ROUNDS = 3;

export interface SendSaveContext {
  outbox: Outbox;
  session: Session;
  profileId: string;
  imageId: string;
  rules: DatasetRules | undefined;
}

/**
 * Sends consecutive queued saves of one image as ONE request: the last state, with the FIRST
 * entry's base (the later entries were edits on top of the earlier ones, so the first base is what
 * the server must still hold). On 412 the server's list is read again and:
 *
 * - if it equals one of the group's own states, an earlier send (before a crash or a lost answer)
 *   already landed: those entries are done, the rest are based on it;
 * - else it is merged three-way with the base; a clean merge is sent with the new ETag (or nothing
 *   is sent when the merge equals the server's list); a conflict becomes a conflict record in the
 *   same transaction that removes the entries, and nothing is sent.
 *
 * Errors other than 412 propagate (the engine decides: pause, retry later, or park the image).
 */
export async function sendSaveGroup(ctx: SendSaveContext, group: readonly SaveEntry[]): Promise<SaveOutcome> {
  const { outbox, session, profileId, imageId } = ctx;
  let pending = [...group];
  const mine = group.at(-1)!.annotations;
  const force = group.some((e) => e.force);
  let base: SaveBase = group[0]!.base;
  let toSend = mine;
  let merged = false;
  for (let round = 0; round <= MAX_MERGE_ROUNDS; round += 1) {
    try {
      const ifMatch = force ? null : base.etag;
      const { result, etag } = await session.use((client, connection) => {
        if (connection.profile.id !== profileId) throw otherProfile();
        return client.saveAnnotations(imageId, toSend, { ifMatch, rules: ctx.rules });
      });
      outbox.complete(profileId, imageId, seqsOf(pending), { etag, annotations: toSend });
      return { kind: 'sent', result, etag, annotations: toSend, merged };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'precondition_failed') throw error;
    }
    const theirs = await session.use((client) => client.getAnnotations(imageId));
    const landed = lastIndexWhere(pending, (e) => sameAnnotationList(e.annotations, theirs.annotations));
    if (landed >= 0) {
      outbox.complete(profileId, imageId, seqsOf(pending.slice(0, landed + 1)), theirs);
      pending = pending.slice(landed + 1);
      if (pending.length === 0)
        return { kind: 'sent', result: null, etag: theirs.etag, annotations: theirs.annotations, merged };
      base = theirs;
      continue;
    }
    const { merged: list, conflicts } = mergeAnnotations(base.annotations ?? [], mine, theirs.annotations);
    if (conflicts.length > 0) {
      const conflictId = outbox.toConflict(seqsOf(pending), {
        profileId,
        imageId,
        base: { etag: base.etag, annotations: base.annotations ?? [] },
        mine,
        theirs,
      });
      return { kind: 'conflict', conflictId };
    }
    if (sameAnnotationList(list, theirs.annotations)) {
      outbox.complete(profileId, imageId, seqsOf(pending), theirs);
      return { kind: 'sent', result: null, etag: theirs.etag, annotations: theirs.annotations, merged: true };
    }
    toSend = list;
    base = theirs;
    merged = true;
  }
  throw new AppError({
    code: 'precondition_failed',
    message: 'The image kept changing on the server while this edit was being merged; it will be tried again.',
    status: 412,
  });
}

const seqsOf = (entries: readonly SaveEntry[]): number[] => entries.map((e) => e.seq);

function lastIndexWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i -= 1) if (test(list[i]!)) return i;
  return -1;
}

/** The queue is per profile: another profile's client must never send it. */
function otherProfile(): AppError {
  return new AppError({ code: 'not_connected', message: 'Signed in to another workspace: its queue waits.' });
}
