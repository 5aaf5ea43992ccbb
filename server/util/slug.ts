/**
 * Dataset slugs (contract §7.1): lowercase, runs of chars outside [a-z0-9] become `-`, trimmed,
 * empty becomes `dataset`, clashes get `-2`, `-3`, …
 */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base === '' ? 'dataset' : base;
}

export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
