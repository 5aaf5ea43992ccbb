import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files under the data directory. Every write goes to `tmp/` first and is renamed into place, so
 * a crash never leaves a half-written blob under its final name.
 */
export class BlobStore {
  readonly blobsDir: string;
  readonly stagingDir: string;
  readonly exportsDir: string;
  readonly thumbsDir: string;
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.blobsDir = join(root, 'blobs');
    this.stagingDir = join(root, 'staging');
    this.exportsDir = join(root, 'exports');
    this.thumbsDir = join(root, 'thumbs');
    this.tmpDir = join(root, 'tmp');
  }

  async ensureDirs(): Promise<void> {
    for (const dir of [this.blobsDir, this.stagingDir, this.exportsDir, this.thumbsDir, this.tmpDir]) {
      await mkdir(dir, { recursive: true });
    }
    // Leftovers of writes interrupted by a crash are never referenced: clear them.
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { recursive: true });
  }

  blobPath(name: string): string {
    return join(this.blobsDir, name);
  }

  stagingPath(uploadId: string): string {
    return join(this.stagingDir, uploadId);
  }

  exportPath(exportId: string): string {
    return join(this.exportsDir, `${exportId}.zip`);
  }

  thumbPath(imageId: string, sha256: string, ext: 'jpg' | 'png'): string {
    return join(this.thumbsDir, `${imageId}-${sha256.slice(0, 16)}.${ext}`);
  }

  /** A fresh path in tmp/ on the same filesystem, so a later rename is atomic. */
  tempPath(): string {
    return join(this.tmpDir, randomBytes(12).toString('hex'));
  }

  async writeAtomic(finalPath: string, data: Uint8Array): Promise<void> {
    const temp = this.tempPath();
    await writeFile(temp, data);
    await rename(temp, finalPath);
  }

  /** Seeds share bytes with their source by hard link where the filesystem allows, else copy. */
  async importFile(source: string, finalPath: string): Promise<void> {
    const temp = this.tempPath();
    try {
      await link(source, temp);
    } catch {
      await copyFile(source, temp);
    }
    await rename(temp, finalPath);
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
