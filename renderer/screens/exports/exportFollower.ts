/**
 * Which exports the open panel has asked main to follow. Each unfinished export is followed once
 * (a follow costs one GET), not again every time the list changes; when the panel closes every
 * one still followed is unfollowed, so main stops polling for a view nobody looks at.
 */
export class ExportFollower {
  readonly #followed = new Set<string>();
  readonly #follow: (exportId: string) => void;
  readonly #unfollow: (exportId: string) => void;

  constructor(follow: (exportId: string) => void, unfollow: (exportId: string) => void) {
    this.#follow = follow;
    this.#unfollow = unfollow;
  }

  /** The unfinished exports now shown: new ones are followed; finished or removed ones let go. */
  update(unfinished: Iterable<string>): void {
    const wanted = new Set(unfinished);
    for (const id of wanted) {
      if (this.#followed.has(id)) continue;
      this.#followed.add(id);
      this.#follow(id);
    }
    for (const id of [...this.#followed]) {
      if (wanted.has(id)) continue;
      this.#followed.delete(id);
      this.#unfollow(id);
    }
  }

  /** The panel closed. */
  stop(): void {
    this.update([]);
  }

  get following(): ReadonlySet<string> {
    return this.#followed;
  }
}
