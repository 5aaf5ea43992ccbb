import type { Dataset, ImageMeta } from '../../../shared/api';
import type { DatasetRules } from '../../../shared/annotations/validate';

/** Past this many remembered images the map starts over: memory stays bounded on huge datasets. */
const MAX_REMEMBERED_IMAGES = 200_000;

/**
 * What this session has already learned about datasets (classes, allowed types) and which dataset
 * each image belongs to — so a save can be checked against the dataset's rules (§7.3) without
 * spending two more counted requests to look them up.
 */
export class KnownDatasets {
  readonly #datasets = new Map<string, DatasetRules>();
  readonly #imageDataset = new Map<string, string>();

  rememberDatasets(profileId: string, datasets: readonly Dataset[]): void {
    for (const d of datasets) {
      this.#datasets.set(`${profileId}\u0000${d.id}`, { classes: d.classes, annotation_types: d.annotation_types });
    }
  }

  rememberImages(profileId: string, images: readonly ImageMeta[]): void {
    if (this.#imageDataset.size + images.length > MAX_REMEMBERED_IMAGES) this.#imageDataset.clear();
    for (const image of images) this.#imageDataset.set(`${profileId}\u0000${image.id}`, image.dataset_id);
  }

  /** The rules for an image's dataset, or null when this session has not seen them yet. */
  rulesForImage(profileId: string, imageId: string): DatasetRules | null {
    const datasetId = this.#imageDataset.get(`${profileId}\u0000${imageId}`);
    if (datasetId === undefined) return null;
    return this.#datasets.get(`${profileId}\u0000${datasetId}`) ?? null;
  }
}
