import type { BoundingBox, Point } from '../../shared/api/annotation';
import { enclosingBox } from '../../shared/geometry/box';
import type { SeedImageStatus } from './types';
import type { Random } from './random';

/**
 * Builders for wire-canonical §7.3 annotations (key order as the server returns them). Every
 * coordinate is snapped to a multiple of 0.5 px: halves are exact in binary, so the enclosing
 * rectangle's w = max − min carries no float noise and matches what the server recomputes.
 */
export type XY = Point;
export type Box = BoundingBox;
export interface Author {
  created_by: string;
  confidence: number;
}
export type Attributes = Record<string, unknown> | unknown[];
type Extra = Record<string, unknown>;

export const snap = (value: number): number => Math.round(value * 2) / 2 + 0;
const snapPoint = (point: XY): XY => ({ x: snap(point.x), y: snap(point.y) });

/** Seed shapes always have points; an empty one is a recipe bug worth failing loudly on. */
function boxOf(points: readonly XY[]): Box {
  const box = enclosingBox(points);
  if (!box) throw new Error('seed shape without points');
  return box;
}

/** Snaps a box outward-stable and keeps w, h ≥ 0.5 so a tiny far-away object stays a valid bbox. */
export function snapBox(box: Box): Box {
  const x = snap(box.x);
  const y = snap(box.y);
  return { x, y, w: Math.max(0.5, snap(box.x + box.w) - x), h: Math.max(0.5, snap(box.y + box.h) - y) };
}

function tail(author: Author, attributes: Attributes, extra: Extra | undefined): Extra {
  return { confidence: author.confidence, created_by: author.created_by, attributes, ...extra };
}

export function bboxAnnotation(
  id: string,
  name: string,
  box: Box,
  author: Author,
  attributes: Attributes = [],
  extra?: Extra,
): Extra {
  return { id, name, type: 'bbox', bounding_box: snapBox(box), ...tail(author, attributes, extra) };
}

export function polygonAnnotation(
  id: string,
  name: string,
  rings: readonly XY[][],
  author: Author,
  attributes: Attributes = [],
  extra?: Extra,
): Extra {
  const paths = rings.map((ring) => ring.map(snapPoint));
  return {
    id,
    name,
    type: 'polygon',
    polygon: { paths },
    bounding_box: boxOf(paths.flat()),
    ...tail(author, attributes, extra),
  };
}

export function polylineAnnotation(
  id: string,
  name: string,
  path: readonly XY[],
  author: Author,
  attributes: Attributes = [],
  extra?: Extra,
): Extra {
  const snapped = path.map(snapPoint);
  return {
    id,
    name,
    type: 'polyline',
    polyline: { path: snapped },
    bounding_box: boxOf(snapped),
    ...tail(author, attributes, extra),
  };
}

export function keypointAnnotation(
  id: string,
  name: string,
  point: XY,
  author: Author,
  attributes: Attributes = [],
  extra?: Extra,
): Extra {
  return { id, name, type: 'keypoint', keypoint: snapPoint(point), ...tail(author, attributes, extra) };
}

export const ANNOTATORS = [
  'alice.martin',
  'bogdan.kowalski',
  'chen.wei',
  'dara.okafor',
  'emeka.nwosu',
  'fatima.zahra',
] as const;

/**
 * Who made an image's annotations, by review status, so the demo reads plausibly: a `new` image
 * is empty or holds only model predictions; `in_progress` mixes them ~40 % predictions; `complete`
 * is mostly human-drawn with a few accepted predictions. Over a dataset about a third are model
 * output (confidence < 1).
 */
export interface AuthorPolicy {
  /** whether this image gets any annotations at all */
  annotated: boolean;
  /** author of the next annotation; `model` names the model for this kind of shape */
  next(model: string): Author;
}

const PREDICTION_SHARE: Record<SeedImageStatus, number> = { new: 1, in_progress: 0.4, complete: 0.12 };

export interface AuthorPolicyOptions {
  /** share of `new` images left without any annotation (default one half) */
  emptyNewShare?: number;
}

export function authorPolicy(random: Random, status: SeedImageStatus, options: AuthorPolicyOptions = {}): AuthorPolicy {
  const annotator = random.pick(ANNOTATORS);
  const share = PREDICTION_SHARE[status];
  const emptyNewShare = options.emptyNewShare ?? 0.5;
  return {
    annotated: status !== 'new' || !random.chance(emptyNewShare),
    next: (model) =>
      random.chance(share)
        ? { created_by: model, confidence: Math.round(random.range(0.3, 0.995) ** 0.6 * 1000) / 1000 }
        : { created_by: annotator, confidence: 1 },
  };
}

export function pickStatus(random: Random, weights: Record<SeedImageStatus, number>): SeedImageStatus {
  const total = weights.new + weights.in_progress + weights.complete;
  let roll = random.next() * total;
  for (const status of ['new', 'in_progress', 'complete'] as const) {
    roll -= weights[status];
    if (roll < 0) return status;
  }
  return 'complete';
}
