/**
 * What a drop holds, read in the renderer before anything is sent: the dropped folders are walked
 * (DataTransferItem.webkitGetAsEntry) to collect each file's path relative to the drop, so the
 * confirmation can say what is about to be uploaded and where. Main walks the same folders again
 * from their absolute paths and decides (walk.ts): this is the preview, not the authority.
 */

/** The parts of FileSystemEntry this needs (structural, so tests can hand in plain objects). */
export interface EntryLike {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  createReader?(): ReaderLike;
}
export interface ReaderLike {
  readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
}

/** Main's own cap per drop (walk.ts MAX_FILES_PER_DROP): counting further would only wait longer. */
export const MAX_PREVIEW_FILES = 20_000;

export interface DropPreview {
  /** Files by their path relative to the drop, folder names included: `photos/2024/a.jpg`. */
  files: string[];
  /** The top-level folders dropped. */
  folders: string[];
  /** Hidden files and folders (`.DS_Store`, `.git`) left out, as main leaves them out. */
  hidden: number;
  /** Folders that could not be read (permissions), by relative path. */
  unreadable: string[];
  /** More than MAX_PREVIEW_FILES files: the count stops there. */
  truncated: boolean;
}

const isHidden = (name: string) => name.startsWith('.');

/** One directory's entries: readEntries answers in batches (Chromium: 100) until an empty one. */
function readAll(reader: ReaderLike): Promise<EntryLike[]> {
  return new Promise((resolve, reject) => {
    const all: EntryLike[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) {
          resolve(all);
          return;
        }
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

export async function previewDrop(entries: readonly EntryLike[], limit = MAX_PREVIEW_FILES): Promise<DropPreview> {
  const preview: DropPreview = { files: [], folders: [], hidden: 0, unreadable: [], truncated: false };
  const visit = async (entry: EntryLike, parent: string): Promise<void> => {
    if (preview.truncated) return;
    if (isHidden(entry.name)) {
      preview.hidden += 1;
      return;
    }
    const path = parent === '' ? entry.name : `${parent}/${entry.name}`;
    if (entry.isFile) {
      if (preview.files.length >= limit) {
        preview.truncated = true;
        return;
      }
      preview.files.push(path);
      return;
    }
    if (!entry.isDirectory || !entry.createReader) return;
    let children: EntryLike[];
    try {
      children = await readAll(entry.createReader());
    } catch {
      preview.unreadable.push(path);
      return;
    }
    // Sorted like a file manager shows them, so the preview reads the same way twice.
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await visit(child, path);
  };
  for (const entry of entries) {
    if (entry.isDirectory && !isHidden(entry.name)) preview.folders.push(entry.name);
    await visit(entry, '');
  }
  return preview;
}

/** "12 files" / "3 files from “photos”" / "2 files and 40 files from 2 folders" for the confirmation. */
export function describePreview(preview: DropPreview): string {
  const count = preview.files.length;
  const files = `${count.toLocaleString('en-US')}${preview.truncated ? '+' : ''} ${count === 1 ? 'file' : 'files'}`;
  const [only] = preview.folders;
  if (preview.folders.length === 0) return files;
  if (preview.folders.length === 1 && only !== undefined) return `${files} from “${only}” (its folders are kept)`;
  return `${files} from ${preview.folders.length} folders (their folders are kept)`;
}
