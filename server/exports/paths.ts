/**
 * §8.1 path rules. `<rel>` is the image's virtual path without the leading `/`; `<stem>` drops the
 * filename's last extension. Two images can share a stem (`a.jpg` and `a.png` in one folder), and
 * their label files would then collide; the contract is silent there, so (decision) the first
 * image in `GET /images/` order keeps `<stem>` and a later one falls back to its full `<rel>`
 * (`labels/a.png.txt`), then to `<stem>~2`, `~3`… — nothing is overwritten or dropped.
 */
export function relativePath(directoryPath: string, filename: string): string {
  const folder = directoryPath.replace(/^\/+/, '').replace(/\/+$/, '');
  return folder === '' ? filename : `${folder}/${filename}`;
}

/** `rel` minus the filename's last extension; a leading dot (`.hidden`) is not an extension. */
export function stemOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  const dot = rel.lastIndexOf('.');
  return dot > slash + 1 ? rel.slice(0, dot) : rel;
}

export function createStemAllocator(): (rel: string) => string {
  const taken = new Set<string>();
  return (rel) => {
    const stem = stemOf(rel);
    let candidate = taken.has(stem) ? rel : stem;
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem}~${n}`;
    taken.add(candidate);
    return candidate;
  };
}

/** ZIP entry order: plain code-unit order, the same on every platform and locale. */
export function compareEntryPaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
