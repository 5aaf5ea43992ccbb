import { open, rename, rm } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import type { ExportEntry } from './types';
import { compareEntryPaths } from './paths';

/**
 * Streams entries into a ZIP at `outPath` (sorted by path, §8.1). fflate's deflate runs
 * synchronously and hands chunks to a callback; we queue them and await the disk write after each
 * entry, so at most one entry's compressed bytes are in memory. The file is written to
 * `outPath + '.tmp'` and renamed only when complete: a reader never sees half an archive.
 * Returns the archive size in bytes.
 */
export async function writeZipFile(entries: readonly ExportEntry[], outPath: string, mtime: Date): Promise<number> {
  const sorted = [...entries].sort((a, b) => compareEntryPaths(a.path, b.path));
  assertUniquePaths(sorted);

  const tmpPath = `${outPath}.tmp`;
  const handle = await open(tmpPath, 'w');
  let size = 0;
  let zipError: Error | null = null;
  let finished = false;
  const pending: Uint8Array[] = [];
  const zip = new Zip((error, chunk, final) => {
    if (error) zipError = error;
    else pending.push(chunk);
    if (final) finished = true;
  });

  const flush = async (): Promise<void> => {
    if (zipError) throw zipError;
    while (pending.length > 0) {
      const chunk = pending.shift()!;
      await handle.write(chunk);
      size += chunk.length;
    }
  };

  try {
    for (const entry of sorted) {
      const content = await entry.content();
      const bytes = typeof content === 'string' ? strToU8(content) : content;
      const member = entry.kind === 'text' ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
      member.mtime = mtime;
      zip.add(member);
      member.push(bytes, true);
      await flush();
    }
    zip.end();
    await flush();
    if (!finished) throw new Error('ZIP writer did not finish');
    await handle.sync();
    await handle.close();
    await rename(tmpPath, outPath);
    return size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmpPath, { force: true });
    throw error;
  }
}

function assertUniquePaths(sorted: readonly ExportEntry[]): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.path === sorted[i - 1]!.path) {
      throw new Error(`two export entries would share the path "${sorted[i]!.path}"`);
    }
  }
}
