import type { ReviewResult } from '../../../shared/ipc';
import { isAppError } from '../errors';
import type { Session } from '../session/session';
import type { LocalReviewStore, ReviewAction } from './localReviewStore';

export interface ReviewRequest {
  imageId: string;
  action: ReviewAction;
  note?: string | undefined;
}

/** 404/405 from the review POST: either the image is missing or the route is (§13.9). */
const mayBeMissingRoute = (error: unknown): boolean =>
  isAppError(error) && (error.status === 404 || error.status === 405);

/**
 * `POST /images/{id}/review` (an extension). When the server answers 404/405 we ask for the
 * image's metadata: if that exists, the route is what is missing, and the decision is kept
 * locally; if not, the original "not found" stands.
 */
export async function submitReview(
  session: Session,
  store: LocalReviewStore,
  request: ReviewRequest,
): Promise<ReviewResult> {
  return session.use(async (client, connection) => {
    try {
      const image = await client.review(request.imageId, request.action, request.note);
      return { imageId: image.id, status: image.status, storedLocally: false };
    } catch (error) {
      if (!mayBeMissingRoute(error)) throw error;
      // Throws not_found when the image itself is missing: then that is the answer to show.
      await client.getImageMetadata(request.imageId);
      const decision = await store.record({
        profileId: connection.profile.id,
        imageId: request.imageId,
        action: request.action,
        note: request.note ?? null,
      });
      return { imageId: request.imageId, status: decision.status, storedLocally: true };
    }
  });
}
