import type { Annotation } from '../../../shared/api';
import { canonicalizeForSave } from '../../../shared/annotations/validate';
import { ok } from '../../../shared/ipc';
import { AppError, isAppError } from '../../services/errors';
import type { LocalReviewStore } from '../../services/review/localReviewStore';
import { submitReview } from '../../services/review/submitReview';
import type { CatalogReads } from '../../services/catalog/readThrough';
import type { Session } from '../../services/session/session';
import type { HandlerMap } from '../types';

type AnnotationChannel = 'annotations:get' | 'annotations:save' | 'review:submit';

export interface AnnotationHandlerDeps {
  session: Session;
  /** Reads through the local catalog; saves and reviews update it once the server accepted them. */
  reads: CatalogReads;
  reviews: LocalReviewStore;
}

/** Reading and saving an image's annotations (full overwrite with If-Match), and review decisions. */
export function createAnnotationHandlers({
  session,
  reads,
  reviews,
}: AnnotationHandlerDeps): Pick<HandlerMap, AnnotationChannel> {
  return {
    // From the catalog at once when cached (revalidated in the background), else from the server.
    'annotations:get': async ({ imageId }) => ok(await reads.annotations(imageId)),
    'annotations:save': async ({ imageId, annotations, ifMatch }) =>
      ok(
        await session.use(async (client, { profile }) => {
          // The request schema kept every unknown field; the client runs the full §7.3 check before
          // any quota is spent, with the dataset's classes and types when this session knows them.
          const rules = reads.rulesForImage(profile.id, imageId) ?? undefined;
          try {
            const { result, etag } = await client.saveAnnotations(imageId, annotations as Annotation[], {
              ifMatch,
              rules,
            });
            reads.rememberSaved(
              profile.id,
              imageId,
              canonicalizeForSave(annotations as Annotation[]),
              etag,
              result.status,
            );
            return {
              imageId: result.image_id,
              previousCount: result.previous_count,
              newCount: result.new_count,
              status: result.status,
              etag,
            };
          } catch (error) {
            throw explainSaveFailure(error);
          }
        }),
      ),
    'review:submit': async (request) => {
      const profileId = session.active?.profile.id;
      const result = await submitReview(session, reviews, request);
      if (profileId !== undefined && !result.storedLocally)
        reads.rememberStatus(profileId, result.imageId, result.status);
      return ok(result);
    },
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
