import type { Annotation } from '../../../shared/api';
import type { AnnotationsDoc } from '../../../shared/ipc';
import { ok } from '../../../shared/ipc';
import { AppError, isAppError } from '../../services/errors';
import type { CatalogReads } from '../../services/catalog/readThrough';
import type { DraftStore } from '../../services/drafts/draftStore';
import { notConnectedError } from '../../services/session/session';
import type { DraftRecovery } from '../../services/drafts/recovery';
import type { Outbox } from '../../services/outbox/outbox';
import type { SyncEngine } from '../../services/sync/syncEngine';
import type { HandlerMap } from '../types';

type AnnotationChannel = 'annotations:get' | 'annotations:save' | 'review:submit' | 'drafts:stash';

export interface AnnotationHandlerDeps {
  /** Reads through the local catalog (the sync engine updates it once the server took an edit). */
  reads: CatalogReads;
  /** Every save and review goes through the durable outbox and its sync engine (docs/offline.md). */
  engine: SyncEngine;
  outbox: Outbox;
  /** The editor's unsaved state, kept in main so a renderer crash loses nothing. */
  drafts: DraftStore;
  recovery: Pick<DraftRecovery, 'isRunning'>;
}

/** Reading and saving an image's annotations (full overwrite with If-Match), and review decisions. */
export function createAnnotationHandlers({
  reads,
  engine,
  outbox,
  drafts,
  recovery,
}: AnnotationHandlerDeps): Pick<HandlerMap, AnnotationChannel> {
  return {
    // Edits this computer has not sent yet win over any copy of the server's: a reopened image
    // shows what the user last did. Otherwise from the catalog at once when cached, else the server.
    // A draft the editor stashed and nobody saved (its window went away) rides on top, unsaved.
    'annotations:get': async ({ imageId }) => {
      const profileId = engine.currentProfileId();
      const draft = profileId === null || recovery.isRunning(imageId) ? null : drafts.get(profileId, imageId);
      const withDraft = (doc: AnnotationsDoc): AnnotationsDoc =>
        draft ? { ...doc, etag: draft.baseEtag, draft: draft.annotations } : doc;
      const local = profileId === null ? null : outbox.overlay(profileId, imageId);
      if (local)
        return ok(withDraft({ imageId, annotations: local.annotations, etag: local.etag, local: local.state }));
      const doc = await reads.annotations(imageId);
      if (profileId !== null && doc.etag !== null) engine.rememberBase(profileId, imageId, doc.etag, doc.annotations);
      return ok(withDraft(doc));
    },
    'drafts:stash': (request) => {
      const profileId = engine.currentProfileId();
      if (profileId === null) throw notConnectedError();
      return Promise.resolve(ok(drafts.stash(profileId, request)));
    },
    // Durable first (acknowledged only after the outbox's COMMIT), then sent when online. The request
    // schema kept every unknown field; the engine runs the full §7.3 check before anything is queued.
    'annotations:save': async ({ imageId, annotations, ifMatch, draftSeq }) => {
      try {
        const saved = await engine.save({ imageId, annotations: annotations as Annotation[], ifMatch });
        // Durable now: the draft this list came from (and any older) has nothing left to keep.
        const profileId = engine.currentProfileId();
        if (profileId !== null && draftSeq !== undefined) drafts.saved(profileId, imageId, draftSeq);
        return ok(saved);
      } catch (error) {
        throw explainSaveFailure(error);
      }
    },
    'review:submit': async (request) => ok(await engine.review(request)),
  };
}

/** A read-only key learns exactly which role saving needs (§13.6), not just "forbidden". */
function explainSaveFailure(error: unknown): unknown {
  if (!isAppError(error) || error.code !== 'forbidden') return error;
  const required = typeof error.details?.requiredRole === 'string' ? error.details.requiredRole : 'member';
  const current = typeof error.details?.currentRole === 'string' ? error.details.currentRole : null;
  const yours =
    current === null ? '' : ` Your key has the ${current} role${current === 'viewer' ? ' (read-only)' : ''}.`;
  return new AppError({
    code: 'forbidden',
    message: `Saving annotations needs an API key with the ${required} role or higher.${yours}`,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    details: { ...error.details, requiredRole: required, currentRole: current },
    cause: error,
  });
}
