import * as nodePath from 'node:path';

type PathApi = Pick<typeof nodePath, 'join' | 'normalize' | 'sep'>;

/**
 * Maps an app:// URL path to a file of the built renderer, or null when it must not be served.
 * No `electron` import, so tests load it; protocol.ts serves what it returns.
 *
 * The path is URL-decoded once (so `%20` works) BEFORE it is joined, which is exactly what makes
 * `/..%2f..%2fetc/passwd` dangerous: the final confinement check is the guard that matters.
 * `pathApi` exists so tests can check Windows path rules on any machine.
 */
export function resolveAppFile(rendererDir: string, pathname: string, pathApi: PathApi = nodePath): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return null; // malformed escapes (`%E0%A4%A`)
  }
  // A NUL truncates paths in some APIs; a backslash is a separator on Windows. The build makes
  // neither, so refusing them is simpler than reasoning about each platform.
  if (relative.includes('\0') || relative.includes('\\')) return null;
  // The trailing separator keeps a sibling such as `dist/renderer-evil` out.
  const root = pathApi.normalize(rendererDir + pathApi.sep);
  const file = pathApi.normalize(pathApi.join(root, relative));
  if (!file.startsWith(root) || file === root) return null;
  return file;
}
