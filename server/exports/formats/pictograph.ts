import type { ExportFormat } from '../types';

/** The §7.4 per-image file, as served by `GET /annotations/{id}/file` and written by exports. */
export interface PerImageFile {
  image: string;
  image_url: string;
  image_uuid: string;
  image_path: string;
  annotation_count: number;
  dataset: { name: string; slug: string };
  org: { name: string; slug: string };
  annotations: Record<string, unknown>[];
}

export interface PerImageFileInput {
  image: { id: string; filename: string; directory_path: string };
  annotations: Record<string, unknown>[];
  dataset: { name: string; slug: string };
  org: { name: string; slug: string };
  /** e.g. http://127.0.0.1:8787/api/v1/developer — `image_url` is `${apiBaseUrl}/images/${id}` */
  apiBaseUrl: string;
}

export function perImageFile(input: PerImageFileInput): PerImageFile {
  return {
    image: input.image.filename,
    image_url: `${input.apiBaseUrl.replace(/\/+$/, '')}/images/${input.image.id}`,
    image_uuid: input.image.id,
    image_path: input.image.directory_path,
    annotation_count: input.annotations.length,
    dataset: { name: input.dataset.name, slug: input.dataset.slug },
    org: { name: input.org.name, slug: input.org.slug },
    annotations: input.annotations,
  };
}

/** `annotations/<rel>.json` per image: the per-image file with the class-filtered annotations. */
export const pictographFormat: ExportFormat = {
  imagePrefix: 'images/',
  entries: (context) =>
    context.images.map((image) => ({
      path: `annotations/${image.rel}.json`,
      kind: 'text' as const,
      content: () =>
        `${JSON.stringify(
          perImageFile({
            image: image.source,
            annotations: image.annotations,
            dataset: context.dataset,
            org: context.org,
            apiBaseUrl: context.apiBaseUrl,
          }),
        )}\n`,
    })),
};
