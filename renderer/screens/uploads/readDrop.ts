import { callApi } from '../../api/bridge';
import type { EntryLike } from './dropEntries';

/** What was dropped, taken while the drop event lasts (the browser empties DataTransfer after it). */
export interface DroppedThings {
  entries: EntryLike[];
  files: File[];
}

export function takeDrop(data: DataTransfer): DroppedThings {
  const entries: EntryLike[] = [];
  const files: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (!file) continue;
    files.push(file);
    // A folder is a File too (its path is the folder's); the entry says which it is and what is inside.
    const entry = item.webkitGetAsEntry();
    entries.push(entry ?? { name: file.name, isFile: true, isDirectory: false });
  }
  return { entries, files };
}

/**
 * Each dropped file or folder's absolute path, from the preload (Electron's webUtils). A thing
 * without one (dragged from a browser or another app, not from disk) comes back in `withoutPath`.
 */
export async function pathsOfDrop(files: readonly File[]): Promise<{ paths: string[]; withoutPath: string[] }> {
  const result = await callApi((api) => Promise.resolve({ ok: true as const, value: api.files.pathsOf(files) }));
  const known = result.ok ? result.value : [];
  const paths: string[] = [];
  const withoutPath: string[] = [];
  files.forEach((file, index) => {
    const path = known[index];
    if (path) paths.push(path);
    else withoutPath.push(file.name);
  });
  return { paths, withoutPath };
}
