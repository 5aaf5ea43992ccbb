import type { Random } from '../../random';
import type { SeedImageStatus } from '../../types';
import type { Attributes, AuthorPolicy, Box, XY } from '../../annotations';
import { authorPolicy, bboxAnnotation, pickStatus, polygonAnnotation } from '../../annotations';
import type { Facade, StreetLayout } from './layout';
import { createStreetLayout, planFacades } from './layout';
import type { StreetThing } from './objects';
import { ThingPlacer, occludedShare } from './objects';

export type Lighting = 'day' | 'night' | 'rain';

export interface StreetScene {
  layout: StreetLayout;
  lighting: Lighting;
  highway: boolean;
  facades: Facade[];
  /** far skyline blocks near the horizon: painted, too small to label */
  skyline: Box[];
  things: StreetThing[];
}

export interface PlannedStreet {
  scene: StreetScene;
  status: SeedImageStatus;
  annotations: Record<string, unknown>[];
}

const FACADE_COLORS = [
  '#a1887f',
  '#8d6e63',
  '#bcaaa4',
  '#90a4ae',
  '#b0bec5',
  '#d7ccc8',
  '#795548',
  '#c5b9a8',
  '#9e9d89',
] as const;
const MODEL_BOXES = 'model:detr-r50';
const MODEL_MASKS = 'model:sam-2';

function planScene(random: Random, width: number, height: number, lighting: Lighting, highway: boolean): StreetScene {
  const layout = createStreetLayout(random, width, height, highway);
  const facades = highway
    ? []
    : [
        ...planFacades(random, layout, 'left', random.int(1, 3), FACADE_COLORS),
        ...planFacades(random, layout, 'right', random.int(1, 3), FACADE_COLORS),
      ];
  const skyline: Box[] = [];
  for (let x = layout.facadeLeftEnd; x < layout.facadeRightEnd;) {
    const w = random.range(6, 26);
    const h = random.range(6, highway ? 14 : 48);
    skyline.push({ x, y: layout.horizon - h, w, h });
    x += w + random.range(-2, 3);
  }
  const placer = new ThingPlacer(random, layout);
  for (let i = random.int(highway ? 2 : 0, 5); i > 0; i--) placer.tree(highway);
  for (let i = random.int(0, highway ? 0 : 2); i > 0; i--) placer.pole('traffic light');
  for (let i = random.int(0, 2); i > 0; i--) placer.pole('traffic sign');
  for (let i = random.int(highway ? 3 : 1, highway ? 12 : 9); i > 0; i--) placer.car();
  for (let i = random.int(0, highway ? 0 : 8); i > 0; i--) placer.pedestrian();
  for (let i = random.int(0, 2); i > 0; i--) placer.cyclist();
  // A busy street: make sure there is always something to label besides the ground.
  for (let tries = 0; placer.things.length < 4 && tries < 40; tries++) placer.car();
  const things = [...placer.things].sort((a, b) => a.ground - b.ground);
  return { layout, lighting, highway, facades, skyline, things };
}

/** Model output is a little off: boxes and vertices wander by a few percent / pixels. */
function jitterBox(random: Random, box: Box, width: number, height: number): Box {
  const dx = random.gaussian() * box.w * 0.03;
  const dy = random.gaussian() * box.h * 0.03;
  const w = box.w * (1 + random.gaussian() * 0.03);
  const h = box.h * (1 + random.gaussian() * 0.03);
  const x = Math.min(Math.max(0, box.x + dx), width - 1);
  const y = Math.min(Math.max(0, box.y + dy), height - 1);
  return { x, y, w: Math.max(1, Math.min(w, width - x)), h: Math.max(1, Math.min(h, height - y)) };
}

function jitterRing(random: Random, ring: readonly XY[], width: number, height: number): XY[] {
  return ring.map((p) => ({
    x: Math.min(width, Math.max(0, p.x + random.gaussian() * 1.5)),
    y: Math.min(height, Math.max(0, p.y + random.gaussian() * 1.5)),
  }));
}

function thingAttributes(random: Random, thing: StreetThing, occluded: boolean): Attributes {
  const attributes: Record<string, unknown> = {};
  if (occluded) attributes.occluded = true;
  if (thing.kind === 'car' && random.chance(0.3)) attributes.body = thing.tall ? 'suv' : 'sedan';
  if (thing.kind === 'traffic light') attributes.state = thing.lit;
  if (thing.kind === 'traffic sign') attributes.sign = thing.shape;
  return Object.keys(attributes).length > 0 ? attributes : [];
}

function annotate(
  random: Random,
  scene: StreetScene,
  policy: AuthorPolicy,
  imageKey: string,
): Record<string, unknown>[] {
  if (!policy.annotated) return [];
  const { width, height } = scene.layout;
  const out: Record<string, unknown>[] = [];
  const nextId = (): string => random.uuid();
  const region = (name: string, ring: XY[], extraAttributes: Attributes = []): void => {
    const author = policy.next(MODEL_MASKS);
    const geometry = author.confidence < 1 ? jitterRing(random, ring, width, height) : ring;
    out.push(polygonAnnotation(nextId(), name, [geometry], author, extraAttributes));
  };
  region('road', scene.layout.road, scene.lighting === 'rain' ? { surface: 'wet' } : []);
  const verge = scene.highway ? 'vegetation' : 'sidewalk';
  region(verge, scene.layout.leftWalk);
  region(verge, scene.layout.rightWalk);
  for (const facade of scene.facades) region('building', facade.corners);

  scene.things.forEach((thing, index) => {
    const nearer = scene.things.slice(index + 1).map((other) => other.box);
    const occluded = occludedShare(thing.box, nearer) > 0.25;
    if (thing.kind === 'tree') {
      region('vegetation', thing.canopy, occluded ? { occluded: true } : []);
      return;
    }
    const author = policy.next(MODEL_BOXES);
    const modelMissedIt = author.confidence < 1 && scene.things.length > 6 && random.chance(0.08);
    if (modelMissedIt) return;
    const box = author.confidence < 1 ? jitterBox(random, thing.box, width, height) : thing.box;
    // A few labels carry fields from an older tool; the server must keep them verbatim.
    const extra = thing.kind === 'car' && random.chance(0.15) ? { tracking_id: `${imageKey}-trk-${index}` } : undefined;
    out.push(bboxAnnotation(nextId(), thing.kind, box, author, thingAttributes(random, thing, occluded), extra));
  });
  return out.slice(0, 40);
}

export function planStreetImage(
  random: Random,
  width: number,
  height: number,
  lighting: Lighting,
  highway: boolean,
  imageKey: string,
): PlannedStreet {
  const scene = planScene(random, width, height, lighting, highway);
  const status = pickStatus(random, { new: 2, in_progress: 4, complete: 4 });
  const policy = authorPolicy(random, status);
  return { scene, status, annotations: annotate(random, scene, policy, imageKey) };
}
