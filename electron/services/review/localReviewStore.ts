import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ImageMeta } from '../../../shared/api';
import { SerialQueue, writeFileAtomic } from '../fs/atomicFile';
import type { Log } from '../../../shared/log';

export type ReviewAction = 'approve' | 'request_changes';

export interface LocalReviewDecision {
  profileId: string;
  imageId: string;
  action: ReviewAction;
  note: string | null;
  /** The status the decision stands for: approve → complete, request_changes → in_progress (§7.2). */
  status: 'complete' | 'in_progress';
  decidedAt: string;
}

const decisionSchema = z.strictObject({
  profileId: z.string().min(1).max(256),
  imageId: z.string().min(1).max(256),
  action: z.enum(['approve', 'request_changes']),
  note: z.string().max(2000).nullable(),
  status: z.enum(['complete', 'in_progress']),
  decidedAt: z.string(),
});
const fileSchema = z.strictObject({ version: z.literal(1), decisions: z.array(decisionSchema) });

export const statusForAction = (action: ReviewAction): LocalReviewDecision['status'] =>
  action === 'approve' ? 'complete' : 'in_progress';

const keyOf = (profileId: string, imageId: string): string => `${profileId}\u0000${imageId}`;

/**
 * Review decisions kept on this machine for servers without the review route (§13.9), in
 * `userData/review-local.json` (atomic writes). The newest decision per image wins. An unreadable
 * file is set aside as `.corrupt` and the store starts empty.
 */
export class LocalReviewStore {
  readonly #path: string;
  readonly #queue = new SerialQueue();
  readonly #decisions: Map<string, LocalReviewDecision>;

  private constructor(path: string, decisions: Map<string, LocalReviewDecision>) {
    this.#path = path;
    this.#decisions = decisions;
  }

  static async open(userDataDir: string, log: Log = () => {}): Promise<LocalReviewStore> {
    const path = join(userDataDir, 'review-local.json');
    const decisions = new Map<string, LocalReviewDecision>();
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log('warn', 'review-local.json is unreadable', { error: String(error) });
    }
    if (text !== null) {
      const parsed = safeParse(text);
      if (parsed) for (const d of parsed.decisions) decisions.set(keyOf(d.profileId, d.imageId), d);
      else {
        await copyFile(path, `${path}.corrupt`).catch(() => undefined);
        log('warn', 'review-local.json was unreadable; kept a copy as review-local.json.corrupt and started empty');
      }
    }
    return new LocalReviewStore(path, decisions);
  }

  get(profileId: string, imageId: string): LocalReviewDecision | null {
    return this.#decisions.get(keyOf(profileId, imageId)) ?? null;
  }

  async record(decision: Omit<LocalReviewDecision, 'status' | 'decidedAt'>): Promise<LocalReviewDecision> {
    const full: LocalReviewDecision = {
      ...decision,
      status: statusForAction(decision.action),
      decidedAt: new Date().toISOString(),
    };
    this.#decisions.set(keyOf(full.profileId, full.imageId), full);
    const text = `${JSON.stringify({ version: 1, decisions: [...this.#decisions.values()] }, null, 1)}\n`;
    await this.#queue.run(() => writeFileAtomic(this.#path, text));
    return full;
  }

  /**
   * The image as this user sees it: a local decision newer than the server's last change shows
   * as the image's status. A later server change (someone saved annotations) wins again.
   */
  overlay(profileId: string, image: ImageMeta): ImageMeta {
    const decision = this.get(profileId, image.id);
    if (!decision || Date.parse(decision.decidedAt) < Date.parse(image.updated_at)) return image;
    return { ...image, status: decision.status };
  }
}

function safeParse(text: string): z.infer<typeof fileSchema> | null {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
