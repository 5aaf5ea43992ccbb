// `npx tsx scripts/make-icons.ts [--out DIR]`: renders assets/icon.svg into every icon the three
// installers need and writes them beside it (outputs are committed; tests/unit/build/icons.test.ts
// regenerates them into a temporary folder and requires the committed ones to be identical, so a
// changed drawing without a re-run fails there).
//
//   assets/icon.png          512²   the generic PNG (electron-builder's fallback, docs)
//   assets/icon.icns         16…1024 macOS (PNG-compressed entries, every slot Finder and the Dock ask for)
//   assets/icon.ico          16…256 Windows (PNG-compressed entries: Vista and later read them)
//   assets/icons/NxN.png     16…512 Linux (electron-builder copies the folder into hicolor/NxN/apps)
//
// The ICO and ICNS containers are written here rather than with a dependency: both are a short
// header and a table of PNG blobs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** ICNS slots holding PNG data (Apple's type codes), with the pixel size each one carries. */
export const ICNS_SLOTS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
] as const;

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));

/** One PNG of the drawing at `size` pixels, rendered from the vector at that size (no upscaled bitmap). */
export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  // The SVG declares 512 px at 72 dpi; render at the density that makes it at least `size`, then fit.
  const density = Math.max(72, Math.ceil((72 * size) / 512));
  return sharp(svg, { density })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer();
}

/** An ICO file whose entries are PNGs (ICONDIR + one 16-byte ICONDIRENTRY per image, then the data). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new Error(`ICO entries are 1…256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** An ICNS file: 'icns' + total length, then (type, length including its 8-byte header, PNG data) per slot. */
export function encodeIcns(slots: readonly { type: string; png: Buffer }[]): Buffer {
  const chunks = slots.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new Error(`bad ICNS type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Every icon file, by path relative to the assets folder. */
export async function buildIcons(svg: Buffer): Promise<Map<string, Buffer>> {
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SLOTS.map(([, size]) => size)]);
  const pngs = new Map<number, Buffer>();
  for (const size of [...sizes].sort((a, b) => a - b)) pngs.set(size, await renderPng(svg, size));
  const png = (size: number): Buffer => pngs.get(size)!;
  const files = new Map<string, Buffer>();
  files.set('icon.png', png(512));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  files.set('icon.icns', encodeIcns(ICNS_SLOTS.map(([type, size]) => ({ type, png: png(size) }))));
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png(size));
  return files;
}

export async function writeIcons(outDir: string, svgPath = join(ASSETS, 'icon.svg')): Promise<string[]> {
  const files = await buildIcons(await readFile(svgPath));
  await mkdir(join(outDir, 'icons'), { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(outDir, name), bytes);
  return [...files.keys()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: ASSETS } } });
  const written = await writeIcons(resolve(values.out));
  console.log(`Wrote ${written.length} icon files into ${values.out}`);
}
