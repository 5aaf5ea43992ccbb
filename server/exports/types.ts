/**
 * What the export builder needs from the server's store, and what it gives back. The store hands
 * over images in `GET /images/` order with their canonical §7.3 annotations; bytes are read only
 * when an image is actually written into the ZIP.
 */
export interface ExportSourceImage {
  id: string;
  filename: string;
  directory_path: string;
  width: number | null;
  height: number | null;
  mime_type: string;
  status: string;
  /** canonical §7.3 annotations, in saved order */
  annotations: Record<string, unknown>[];
  readBytes(): Promise<Uint8Array>;
}

export interface ExportClass {
  name: string;
  color: string;
  type?: string;
}

export interface BuildExportInput {
  exportName: string;
  format: string;
  includeImages: boolean;
  classFilter: string[] | null;
  statusFilter: string | null;
  dataset: { name: string; slug: string; classes: ExportClass[] };
  org: { name: string; slug: string };
  /** e.g. http://127.0.0.1:1234/api/v1/developer (no trailing slash) */
  apiBaseUrl: string;
  /** all non-archived images, in `GET /images/` order */
  images: AsyncIterable<ExportSourceImage> | Iterable<ExportSourceImage>;
  outPath: string;
}

export interface BuildExportResult {
  fileSize: number;
  imageCount: number;
  annotationCount: number;
}

/** An image that passed the status filter, with the annotations left after the class filter. */
export interface SelectedImage {
  source: ExportSourceImage;
  annotations: Record<string, unknown>[];
  /** `directory_path` minus its leading `/`, joined with `filename` (§8.1) */
  rel: string;
  /** `rel` minus its last extension, made unique within the export (see paths.ts) */
  stem: string;
}

export interface FormatContext {
  exportName: string;
  dataset: BuildExportInput['dataset'];
  org: BuildExportInput['org'];
  apiBaseUrl: string;
  /** class name → 0-based position in `dataset.classes` (§8.1 class index) */
  classIndex: ReadonlyMap<string, number>;
  images: readonly SelectedImage[];
}

/** One ZIP member. Content is produced only when the writer reaches it, so one big text is alive at a time. */
export interface ExportEntry {
  path: string;
  /** text is deflated; image bytes are stored as they are (already compressed) */
  kind: 'text' | 'image';
  content: () => string | Promise<Uint8Array>;
}

export interface ExportFormat {
  /** where `include_images` puts the original bytes: `<imagePrefix><rel>` */
  imagePrefix: string;
  entries(context: FormatContext): ExportEntry[];
}
