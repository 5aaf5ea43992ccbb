import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkImageFile, readUnchanged, sniffImageType } from '../../../../../electron/services/uploads/fileCheck';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-check-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const png = () =>
  sharp({ create: { width: 5, height: 3, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();

describe('sniffImageType', () => {
  it.each([
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    ['webp', [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], 'image/webp'],
    ['riff that is not webp', [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], null],
    ['bmp', [0x42, 0x4d], 'image/bmp'],
    ['tiff LE', [0x49, 0x49, 0x2a, 0x00], 'image/tiff'],
    ['tiff BE', [0x4d, 0x4d, 0x00, 0x2a], 'image/tiff'],
    ['gif', [0x47, 0x49, 0x46, 0x38], 'image/gif'],
    ['text', [0x68, 0x65, 0x6c, 0x6c], null],
    ['empty', [], null],
  ])('%s', (_label, bytes, type) => {
    expect(sniffImageType(new Uint8Array(bytes))).toBe(type);
  });
});

describe('checkImageFile', () => {
  it('reads type, width and height and fingerprints the bytes', async () => {
    const path = join(dir, 'a.PNG');
    await writeFile(path, await png());
    const result = await checkImageFile(path);
    expect(result).toMatchObject({ ok: true, file: { contentType: 'image/png', width: 5, height: 3 } });
    expect(result.ok && result.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['empty.jpg', async (p: string) => writeFile(p, ''), 'empty.jpg: the file is empty.'],
    [
      'photo.jpg',
      async (p: string) => writeFile(p, await png()),
      'photo.jpg is named as JPEG but holds a PNG image; rename it to match.',
    ],
    [
      'big.png',
      async (p: string) => {
        await writeFile(p, await png());
        await truncate(p, 50 * 1024 * 1024 + 1);
      },
      'big.png is 50.0 MiB; images may be at most 50 MiB.',
    ],
    ['scan.pdf', async (p: string) => writeFile(p, '%PDF'), expect.stringMatching(/^scan\.pdf: not an image type/)],
  ])('%s is refused with its reason', async (name, make, reason) => {
    const path = join(dir, name);
    await make(path);
    expect(await checkImageFile(path)).toEqual({ ok: false, reason });
  });
});

describe('readUnchanged', () => {
  it('refuses a file whose bytes changed though size and mtime look the same (coarse mtimes)', async () => {
    const path = join(dir, 'a.png');
    await writeFile(path, await png());
    const checked = await checkImageFile(path);
    if (!checked.ok) throw new Error(checked.reason);
    expect(await readUnchanged(path, checked.file)).toMatchObject({ ok: true });
    const bytes = await png();
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    await writeFile(path, bytes);
    // as on a file system whose mtime did not move (FAT's 2 s steps, a copy tool that keeps mtimes)
    const sameLooking = { ...checked.file, mtimeMs: (await stat(path)).mtimeMs };
    expect(await readUnchanged(path, sameLooking)).toEqual({
      ok: false,
      reason: 'a.png changed after it was queued; it was not uploaded. Add it again.',
    });
  });

  it('refuses a file whose size changed, and one that is gone', async () => {
    const path = join(dir, 'b.png');
    await writeFile(path, await png());
    const checked = await checkImageFile(path);
    if (!checked.ok) throw new Error(checked.reason);
    await writeFile(path, Buffer.concat([await png(), Buffer.from('x')]));
    expect(await readUnchanged(path, checked.file)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed/),
    });
    await rm(path);
    expect(await readUnchanged(path, checked.file)).toEqual({
      ok: false,
      reason: 'b.png is gone; it was not uploaded.',
    });
  });
});
