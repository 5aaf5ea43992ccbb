import type { Random } from '../../random';
import type { SeedImageStatus } from '../../types';
import type { XY } from '../../annotations';
import { authorPolicy, bboxAnnotation, keypointAnnotation, pickStatus, polylineAnnotation } from '../../annotations';
import type { Skeleton } from './skeleton';
import { JOINTS, personBox, poseSkeleton } from './skeleton';

/**
 * People on a zebra crossing in front of a (possibly curving) multi-lane road: lane boundaries
 * are polylines (`road edge` outside, dashed `lane marking` between lanes), people are a `person`
 * box plus one keypoint per joint, tied together by a `person_id` attribute.
 */
export interface Lane {
  name: 'lane marking' | 'road edge';
  path: XY[];
}

export interface Person {
  skeleton: Skeleton;
  height: number;
  box: { x: number; y: number; w: number; h: number };
  shirt: string;
  pants: string;
  skin: string;
}

export interface PosesScene {
  width: number;
  height: number;
  horizon: number;
  lanes: Lane[];
  crossing: { top: number; bottom: number };
  people: Person[];
}

export interface PlannedPoses {
  scene: PosesScene;
  status: SeedImageStatus;
  annotations: Record<string, unknown>[];
}

const SHIRTS = [
  '#d32f2f',
  '#1976d2',
  '#388e3c',
  '#fbc02d',
  '#7b1fa2',
  '#f57c00',
  '#455a64',
  '#e0e0e0',
  '#00838f',
] as const;
const PANTS = ['#263238', '#3e2723', '#1a237e', '#424242', '#5d4037', '#33691e'] as const;
const SKIN = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac'] as const;

function planLanes(random: Random, width: number, height: number, horizon: number): Lane[] {
  const laneCount = random.int(2, 4);
  const left = width * random.range(0.02, 0.15);
  const right = width * random.range(0.85, 0.98);
  const vanishX = width * random.range(0.42, 0.58);
  const bend = random.range(-1, 1) * width * 0.12;
  const lanes: Lane[] = [];
  for (let i = 0; i <= laneCount; i++) {
    const bottomX = left + ((right - left) * i) / laneCount;
    const spreadAtHorizon = (i / laneCount - 0.5) * width * 0.03;
    const path = [0, 0.3, 0.55, 0.75, 0.9].map((d) => ({
      x: bottomX + (vanishX + spreadAtHorizon - bottomX) * d + bend * d * d,
      y: height - (height - horizon) * d,
    }));
    lanes.push({ name: i === 0 || i === laneCount ? 'road edge' : 'lane marking', path });
  }
  return lanes;
}

function planPeople(random: Random, width: number, height: number, horizon: number): Person[] {
  const people: Person[] = [];
  const wanted = random.int(1, 4);
  for (let attempt = 0; people.length < wanted && attempt < 30; attempt++) {
    const feetY = height * random.range(0.74, 0.97);
    const standing = (feetY - horizon) * random.range(1.05, 1.35);
    const feet = { x: width * random.range(0.1, 0.9), y: feetY };
    const skeleton = poseSkeleton(random, feet, standing);
    const box = personBox(skeleton, standing);
    const inside = box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height;
    const crowded = people.some(
      (other) => Math.abs(other.box.x + other.box.w / 2 - (box.x + box.w / 2)) < (other.box.w + box.w) * 0.35,
    );
    if (!inside || crowded) continue;
    people.push({
      skeleton,
      height: standing,
      box,
      shirt: random.pick(SHIRTS),
      pants: random.pick(PANTS),
      skin: random.pick(SKIN),
    });
  }
  return people.sort((a, b) => a.box.y + a.box.h - (b.box.y + b.box.h));
}

export function planPosesImage(random: Random, width: number, height: number): PlannedPoses {
  const horizon = Math.round(height * random.range(0.34, 0.44));
  const lanes = planLanes(random, width, height, horizon);
  const crossingTop = height * random.range(0.66, 0.74);
  const scene: PosesScene = {
    width,
    height,
    horizon,
    lanes,
    crossing: { top: crossingTop, bottom: crossingTop + height * random.range(0.12, 0.18) },
    people: planPeople(random, width, height, horizon),
  };
  const status = pickStatus(random, { new: 3, in_progress: 3, complete: 4 });
  const policy = authorPolicy(random, status);
  if (!policy.annotated) return { scene, status, annotations: [] };

  const annotations: Record<string, unknown>[] = [];
  for (const lane of scene.lanes) {
    const style = lane.name === 'road edge' ? 'solid' : 'dashed';
    annotations.push(polylineAnnotation(random.uuid(), lane.name, lane.path, policy.next('model:lanenet'), { style }));
  }
  scene.people.forEach((person, index) => {
    const personId = index + 1;
    annotations.push(
      bboxAnnotation(random.uuid(), 'person', person.box, policy.next('model:vitpose-b'), { person_id: personId }),
    );
    for (const joint of JOINTS) {
      // COCO-style visibility rides along as an extra field the server must keep verbatim.
      annotations.push(
        keypointAnnotation(
          random.uuid(),
          joint,
          person.skeleton[joint],
          policy.next('model:vitpose-b'),
          { person_id: personId },
          { visibility: 2 },
        ),
      );
    }
  });
  return { scene, status, annotations };
}
