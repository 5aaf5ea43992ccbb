/**
 * Image naming rules (contract §7.2). Returns a problem message, or undefined when valid.
 * Control characters (C0, DEL, C1) are refused in both, since names end up as file paths in
 * exports and on disk of clients.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

export function filenameProblem(filename: string): string | undefined {
  if (filename.length < 1 || filename.length > 255) return 'must be 1 to 255 characters';
  if (filename.includes('/') || filename.includes('\\')) return 'must not contain "/" or "\\"';
  if (CONTROL_CHARS.test(filename)) return 'must not contain control characters';
  if (filename === '.' || filename === '..') return 'must not be "." or ".."';
  return undefined;
}

export function directoryPathProblem(path: string): string | undefined {
  if (path.length > 1024) return 'must be at most 1024 characters';
  if (!path.startsWith('/')) return 'must start with "/"';
  if (CONTROL_CHARS.test(path)) return 'must not contain control characters';
  if (path.includes('\\')) return 'must not contain "\\"';
  if (path === '/') return undefined;
  if (path.endsWith('/')) return 'must not end with "/" (except the root "/")';
  for (const segment of path.slice(1).split('/')) {
    if (segment === '') return 'must not contain empty segments';
    if (segment === '.' || segment === '..') return 'must not contain "." or ".." segments';
  }
  return undefined;
}
