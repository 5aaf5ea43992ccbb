/**
 * The shape pictograph-local loads at start (contract §11): datasets with their classes, images
 * and annotations. The seed builder produces it; the server's store imports it. Annotations are
 * already in the wire-canonical form of §7.3 so the store can keep them verbatim.
 */
export interface SeedFixture {
  org?: { name: string; slug: string };
  datasets: SeedDataset[];
}

export interface SeedClass {
  name: string;
  /** lowercase `#rrggbb` */
  color: string;
  type?: string;
}

export interface SeedDataset {
  name: string;
  description: string | null;
  annotation_types: string[];
  classes: SeedClass[];
  images: SeedImage[];
}

export type SeedImageStatus = 'new' | 'in_progress' | 'complete';

export interface SeedImage {
  filename: string;
  directory_path: string;
  mime_type: string;
  width: number | null;
  height: number | null;
  status: SeedImageStatus;
  /** absolute path of the bytes on disk (the server copies or hardlinks them into its data dir) */
  file: string;
  /**
   * Wire-canonical §7.3: id, name, type, bounding_box, polygon{paths} | polyline{path} | keypoint,
   * confidence, created_by, attributes, plus any extra keys (kept verbatim).
   */
  annotations: Record<string, unknown>[];
}
