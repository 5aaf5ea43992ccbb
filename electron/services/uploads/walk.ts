import { lstat, readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../errors';

export interface DroppedFile {
  path: string;
  filename: string;
  /** §7.2 virtual folder: the target folder plus the file's folders below what was dropped. */
  directoryPath: string;
}

/** Files found below one drop; a huge tree is refused rather than queued by the hundred thousand. */
export const MAX_FILES_PER_DROP = 20_000;
const MAX_DIRECTORY_PATH = 1024;

/** `/a` + `b/c` → `/a/b/c`, with segments §7.2 forbids (empty, `.`, `..`) left out. */
export function joinVirtual(base: string, ...parts: string[]): string {
  const segments = [base, ...parts]
    .flatMap((part) => part.split(/[\\/]+/))
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return `/${segments.join('/')}`;
}

/**
 * Expands dropped files and folders into files with their virtual folder: a dropped folder keeps
 * its own name and structure (`photos/day/a.jpg` dropped on `/inbox` → `/inbox/photos/day`).
 * Symbolic links are not followed (a link loop, or a link out of the tree, would otherwise upload
 * what the user did not drop); hidden files (`.DS_Store`, `._x.jpg`) are skipped.
 */
export async function expandDrop(paths: readonly string[], targetDirectory: string): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  const add = (file: DroppedFile): void => {
    if (out.length >= MAX_FILES_PER_DROP) {
      throw new AppError({
        code: 'bad_request',
        message: `More than ${MAX_FILES_PER_DROP} files were dropped at once; drop fewer folders at a time.`,
      });
    }
    out.push(file);
  };
  for (const path of paths) {
    if (!isAbsolute(path) || path.includes('\u0000')) {
      throw new AppError({ code: 'bad_request', message: `"${path.slice(0, 200)}" is not an absolute file path.` });
    }
    const info = await lstat(path).catch(() => null);
    if (!info) throw new AppError({ code: 'not_found', message: `"${path}" does not exist.` });
    if (info.isFile()) {
      add({ path, filename: basename(path), directoryPath: joinVirtual(targetDirectory) });
    } else if (info.isDirectory()) {
      await walkFolder(path, path, targetDirectory, add);
    }
  }
  for (const file of out) {
    if (file.directoryPath.length > MAX_DIRECTORY_PATH) {
      throw new AppError({
        code: 'bad_request',
        message: `The folder of ${file.filename} is nested too deep (over ${MAX_DIRECTORY_PATH} characters).`,
      });
    }
  }
  return out;
}

async function walkFolder(
  root: string,
  folder: string,
  target: string,
  add: (file: DroppedFile) => void,
): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walkFolder(root, path, target, add);
    else if (entry.isFile()) {
      const below = relative(join(root, '..'), folder).split(sep);
      add({ path, filename: entry.name, directoryPath: joinVirtual(target, ...below) });
    }
  }
}
