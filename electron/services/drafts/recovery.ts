import type { Log } from '../log';
import type { SyncEngine } from '../sync/syncEngine';
import type { DraftStore } from './draftStore';

export interface DraftRecovery {
  /**
   * Turns every draft of the signed-in profile into a save through the outbox (checked, durable,
   * merged on a conflict like any save). Answers how many it started; each draft is dropped once
   * its save is acknowledged, or kept with the reason when the save is refused (the editor then
   * opens it unsaved, where the problems show).
   */
  recover(): number;
  /**
   * True while this image's recovered save is on its way: the outbox already holds it (the enqueue
   * is synchronous), so a reopened image shows it from there rather than as a draft.
   */
  isRunning(imageId: string): boolean;
  /** Every recovery still running (dispose). */
  all(): Promise<void>;
}

export function createDraftRecovery({
  drafts,
  engine,
  log,
}: {
  drafts: DraftStore;
  engine: Pick<SyncEngine, 'save' | 'currentProfileId'>;
  log: Log;
}): DraftRecovery {
  const running = new Map<string, Promise<void>>();
  return {
    recover() {
      const profileId = engine.currentProfileId();
      if (profileId === null) return 0;
      let started = 0;
      for (const draft of drafts.list(profileId)) {
        if (draft.refused !== null || running.has(draft.imageId)) continue;
        started++;
        const run = engine
          .save({ imageId: draft.imageId, annotations: draft.annotations, ifMatch: draft.baseEtag })
          .then(
            () => drafts.saved(profileId, draft.imageId, draft.seq),
            (error: unknown) => {
              const reason = error instanceof Error ? error.message : String(error);
              drafts.markRefused(profileId, draft.imageId, reason);
              log('warn', 'A recovered draft could not be saved; the editor will open it unsaved', {
                imageId: draft.imageId,
                reason,
              });
            },
          )
          .finally(() => running.delete(draft.imageId));
        running.set(draft.imageId, run);
      }
      if (started > 0) log('info', 'Recovering unsaved edits after the window went away', { images: started });
      return started;
    },
    isRunning: (imageId) => running.has(imageId),
    all: async () => {
      await Promise.all([...running.values()]);
    },
  };
}
