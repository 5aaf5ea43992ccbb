import { link, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../errors';

/** Most file systems (ext4, APFS, NTFS in UTF-16 units ≥ this) cap one name at 255 bytes. */
export const MAX_NAME_BYTES = 255;

// Names Windows reserves whatever the extension (`con.zip` opens the console there).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Separators, NUL and control characters, and what Windows forbids in names.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const FORBIDDEN = /[\u0000-\u001f\u007f/\\<>:"|?*]/g;

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * A file name that can only ever name a file directly inside the chosen folder, whatever the
 * server or the export's name says: separators, NUL, control and Windows-forbidden characters
 * become `_`; leading dots and spaces go (no `..`, no hidden files); trailing dots and spaces go
 * (Windows drops them silently); reserved device names get a `_` prefix; the result fits 255
 * UTF-8 bytes with its `.zip` ending kept. Never empty.
 */
export function safeZipName(raw: string): string {
  const extension = '.zip';
  let stem = raw.normalize('NFC').replace(FORBIDDEN, '_');
  if (stem.toLowerCase().endsWith(extension)) stem = stem.slice(0, -extension.length);
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (stem === '') stem = 'export';
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  stem = truncateUtf8(stem, MAX_NAME_BYTES - extension.length).replace(/[.\s]+$/, '');
  return `${stem || 'export'}${extension}`;
}

/** `<dataset>-<export>.zip`, as the server's Content-Disposition names it, made safe. */
export function exportFileName(datasetName: string, exportName: string): string {
  return safeZipName(`${datasetName}-${exportName}`);
}

/**
 * The folder the user chose must be an absolute path to an existing directory; anything else is
 * refused with a message that names the problem (a relative path would resolve against main's
 * working directory, which the user never sees).
 */
export async function checkTargetFolder(folder: string): Promise<string> {
  if (folder.includes('\u0000')) throw badFolder('The folder path contains a NUL character.');
  if (!isAbsolute(folder)) throw badFolder(`"${folder}" is not an absolute folder path.`);
  const info = await stat(folder).catch(() => null);
  if (!info) throw badFolder(`The folder "${folder}" does not exist.`);
  if (!info.isDirectory()) throw badFolder(`"${folder}" is a file, not a folder.`);
  return resolve(folder);
}

/**
 * Joins a safe name to the folder and proves the result is a direct child of it, a second line of
 * defence should a name ever slip past safeZipName.
 */
export function childPath(folder: string, name: string): string {
  const path = join(folder, name);
  if (dirname(path) !== resolve(folder) || basename(path) !== name) {
    throw new AppError({ code: 'bad_request', message: `Refusing to write "${name}" outside the chosen folder.` });
  }
  return path;
}

/**
 * Gives the finished temp file its final name: `name.zip`, else `name (2).zip`, … An existing file
 * is never overwritten: a hard link fails with EEXIST where a rename would replace, and the temp
 * name is removed after. Where links are not supported (FAT, some network shares) it falls back
 * to checking first and renaming. Returns the final path.
 */
export async function publishWithoutOverwrite(tempPath: string, folder: string, name: string): Promise<string> {
  const stem = name.slice(0, -'.zip'.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : safeZipName(`${truncateUtf8(stem, MAX_NAME_BYTES - 12)} (${n})`);
    const target = childPath(folder, candidate);
    try {
      await link(tempPath, target);
      await unlink(tempPath);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      const taken = await stat(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await rename(tempPath, target);
      return target;
    }
  }
  throw new AppError({ code: 'conflict', message: `The folder already holds 999 files named like "${name}".` });
}

const badFolder = (message: string): AppError => new AppError({ code: 'bad_request', message });
