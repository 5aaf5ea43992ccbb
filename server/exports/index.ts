import type { BuildExportInput, BuildExportResult, ExportEntry, FormatContext, SelectedImage } from './types';
import { formatWriter } from './formats';
import { createStemAllocator, relativePath } from './paths';
import { writeZipFile } from './zipFile';

export type { BuildExportInput, BuildExportResult, ExportClass, ExportSourceImage } from './types';
export { perImageFile } from './formats/pictograph';
export type { PerImageFile, PerImageFileInput } from './formats/pictograph';

/**
 * Builds one export ZIP (§8, §8.1): applies the status and class filters, lays the selected
 * images out in the requested format, and streams the archive to `outPath` (atomically, via
 * `outPath.tmp`). `annotationCount` counts annotations after the class filter whatever the format,
 * so a YOLO export of polylines still reports them. Throws on an unknown format or an I/O error;
 * the caller marks the export `failed` with the message.
 */
export async function buildExportZip(input: BuildExportInput): Promise<BuildExportResult> {
  const format = formatWriter(input.format);
  if (!format) throw new Error(`unknown export format "${input.format}"`);

  const images = await selectImages(input);
  const classIndex = new Map(input.dataset.classes.map((cls, index) => [cls.name, index] as const));
  const context: FormatContext = {
    exportName: input.exportName,
    dataset: input.dataset,
    org: input.org,
    apiBaseUrl: input.apiBaseUrl,
    classIndex,
    images,
  };
  const entries: ExportEntry[] = format.entries(context);
  if (input.includeImages) {
    for (const image of images) {
      entries.push({
        path: `${format.imagePrefix}${image.rel}`,
        kind: 'image',
        content: () => image.source.readBytes(),
      });
    }
  }
  const fileSize = await writeZipFile(entries, input.outPath, new Date());
  const annotationCount = images.reduce((sum, image) => sum + image.annotations.length, 0);
  return { fileSize, imageCount: images.length, annotationCount };
}

/** §8.1 selection: status filter on images, class filter on annotations; emptied images stay. */
async function selectImages(input: BuildExportInput): Promise<SelectedImage[]> {
  const allowedClasses = input.classFilter ? new Set(input.classFilter) : null;
  const stemFor = createStemAllocator();
  const selected: SelectedImage[] = [];
  for await (const source of input.images) {
    if (input.statusFilter !== null && source.status !== input.statusFilter) continue;
    const annotations = allowedClasses
      ? source.annotations.filter((annotation) => allowedClasses.has(annotation.name as string))
      : source.annotations;
    const rel = relativePath(source.directory_path, source.filename);
    selected.push({ source, annotations, rel, stem: stemFor(rel) });
  }
  return selected;
}
