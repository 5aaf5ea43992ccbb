import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_SLOTS, ICO_SIZES, LINUX_SIZES, buildIcons, encodeIco } from '../../../scripts/make-icons';

const assets = fileURLToPath(new URL('../../../assets/', import.meta.url));

/** The images an ICO holds, read back from its directory (PNG entries). */
function readIco(bytes: Buffer): { size: number; png: Buffer }[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = bytes.readUInt8(entry) || 256;
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    return { size: width, png: bytes.subarray(offset, offset + length) };
  });
}

/** The (type, PNG) slots of an ICNS file. */
function readIcns(bytes: Buffer): { type: string; png: Buffer }[] {
  expect(bytes.toString('latin1', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const slots: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at + 4);
    slots.push({ type: bytes.toString('latin1', at, at + 4), png: bytes.subarray(at + 8, at + length) });
    at += length;
  }
  return slots;
}

const pixelSize = async (png: Buffer): Promise<[number, number]> => {
  const meta = await sharp(png).metadata();
  return [meta.width, meta.height];
};

describe('installer icons (scripts/make-icons.ts)', () => {
  it('are committed exactly as the script renders them from assets/icon.svg', async () => {
    const fresh = await buildIcons(await readFile(`${assets}icon.svg`));
    expect(fresh.size).toBe(3 + LINUX_SIZES.length);
    for (const [name, bytes] of fresh) {
      const committed = await readFile(`${assets}${name}`).catch(() => null);
      expect(committed, `${name} is missing: run npx tsx scripts/make-icons.ts`).not.toBeNull();
      expect(committed!.equals(bytes), `${name} is stale: run npx tsx scripts/make-icons.ts`).toBe(true);
    }
  });

  it('give Windows an ICO with every size from 16 to 256, each a real PNG of that size', async () => {
    const images = readIco(await readFile(`${assets}icon.ico`));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const { size, png } of images) expect(await pixelSize(png)).toEqual([size, size]);
  });

  it('give macOS an ICNS with every slot up to 1024 (512@2x)', async () => {
    const slots = readIcns(await readFile(`${assets}icon.icns`));
    expect(slots.map((slot) => slot.type)).toEqual(ICNS_SLOTS.map(([type]) => type));
    for (const [i, { png }] of slots.entries()) {
      const size = ICNS_SLOTS[i]![1];
      expect(await pixelSize(png)).toEqual([size, size]);
    }
  });

  it('give Linux a folder of NxN.png from 16 to 512', async () => {
    for (const size of LINUX_SIZES) {
      expect(await pixelSize(await readFile(`${assets}icons/${size}x${size}.png`))).toEqual([size, size]);
    }
  });

  it('refuse an ICO entry larger than the format can describe', () => {
    expect(() => encodeIco([{ size: 512, png: Buffer.alloc(1) }])).toThrow(/1…256 px, not 512/);
  });
});
