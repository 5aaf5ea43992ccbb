import type { ColorStatus } from './colors';

/** What each prepared shape is drawn as. */
export const ShapeKind = { polygon: 0, polyline: 1, keypoint: 2, box: 3, unknown: 4 } as const;
export type ShapeKind = (typeof ShapeKind)[keyof typeof ShapeKind];

/** Batches are drawn in this order: areas under lines under points, odd cases on top. */
export type BatchGroup = 'area' | 'line' | 'point' | 'marker';

export interface SceneClass {
  index: number;
  name: string;
  color: string;
  status: ColorStatus;
  /** Drawable annotations of this class, and how many of those are predictions (confidence < 1). */
  count: number;
  predictions: number;
}

/** Shapes of one class, one group and one style, drawn with one path per fill/stroke. */
export interface Batch {
  classIndex: number;
  group: BatchGroup;
  predicted: boolean;
  /** Shape indexes, in annotation order. */
  shapes: Uint32Array;
}

/** Why an annotation is drawn differently from its type, or not at all. */
export interface SceneIssue {
  annotationId: string;
  kind: 'unknown-type' | 'malformed' | 'not-drawable' | 'simplified';
  message: string;
}

/**
 * Annotations flattened into typed arrays (design §6): no object per vertex, so 10,000 polygons
 * are a few arrays the drawing loop walks, and the editor's hit-testing reads the same bounds.
 * Shape i's rings are ringOffsets[ringStart[i]] … ringOffsets[ringStart[i + 1]] (point indexes;
 * ring r spans points ringOffsets[r] to ringOffsets[r + 1]); a point is coords[2p], coords[2p+1].
 */
export interface PreparedScene {
  count: number;
  kind: Uint8Array;
  classIndex: Uint16Array;
  /** 1 for predictions (confidence < 1). */
  predicted: Uint8Array;
  confidence: Float32Array;
  /** 1 when a polygon has holes: filled on its own with the even-odd rule. */
  holed: Uint8Array;
  /** minX, minY, maxX, maxY per shape, in image pixels. */
  bounds: Float64Array;
  ringStart: Uint32Array;
  ringOffsets: Uint32Array;
  coords: Float32Array;
  /** The annotation each shape came from (index into the input list). */
  source: Uint32Array;
  /** The type name shown for shapes of kind `unknown`. */
  labels: Map<number, string>;
  classes: SceneClass[];
  batches: Batch[];
  issues: SceneIssue[];
  /** Shapes lying entirely outside the image (when its size is known). */
  outside: number;
  /** Annotations in the input (drawable or not). */
  total: number;
  /** Union of every shape's bounds, or null when nothing is drawable. */
  extent: { minX: number; minY: number; maxX: number; maxY: number } | null;
}
