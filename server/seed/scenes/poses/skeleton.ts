import type { Random } from '../../random';
import type { XY } from '../../annotations';

/**
 * A person as 14 joints, posed from a few joint angles. Names are the dataset's keypoint classes;
 * "left"/"right" are the person's own sides (they face the camera, so their left is image right).
 */
export const JOINTS = [
  'head',
  'neck',
  'left shoulder',
  'right shoulder',
  'left elbow',
  'right elbow',
  'left wrist',
  'right wrist',
  'left hip',
  'right hip',
  'left knee',
  'right knee',
  'left ankle',
  'right ankle',
] as const;
export type Joint = (typeof JOINTS)[number];
export type Skeleton = Record<Joint, XY>;

/** Pairs drawn as limbs, thick to thin. */
export const LIMBS: readonly [Joint, Joint][] = [
  ['left hip', 'left knee'],
  ['left knee', 'left ankle'],
  ['right hip', 'right knee'],
  ['right knee', 'right ankle'],
  ['left shoulder', 'left elbow'],
  ['left elbow', 'left wrist'],
  ['right shoulder', 'right elbow'],
  ['right elbow', 'right wrist'],
];

const polar = (from: XY, length: number, angleFromDown: number): XY => ({
  x: from.x + Math.sin(angleFromDown) * length,
  y: from.y + Math.cos(angleFromDown) * length,
});

/**
 * `feet` is the ground point between the ankles, `height` the standing height in pixels.
 * Angles are measured from straight down; positive swings towards image right.
 */
export function poseSkeleton(random: Random, feet: XY, height: number): Skeleton {
  const u = height / 8; // classic eight-heads figure
  const stride = random.range(-0.45, 0.45);
  const hipY = feet.y - u * 4;
  const hipHalf = u * 0.45;
  const leftHip = { x: feet.x + hipHalf, y: hipY };
  const rightHip = { x: feet.x - hipHalf, y: hipY };
  const leftKnee = polar(leftHip, u * 2, stride);
  const rightKnee = polar(rightHip, u * 2, -stride);
  const bend = random.range(0, 0.25);
  const leftAnkle = polar(leftKnee, u * 2, stride - bend);
  const rightAnkle = polar(rightKnee, u * 2, -stride - bend);
  const neck = { x: feet.x + random.range(-0.15, 0.15) * u, y: feet.y - u * 6.9 };
  const shoulderHalf = u * 0.95;
  const leftShoulder = { x: neck.x + shoulderHalf, y: neck.y + u * 0.25 };
  const rightShoulder = { x: neck.x - shoulderHalf, y: neck.y + u * 0.25 };
  const gesture = random.pick(['relaxed', 'walking', 'waving', 'phone'] as const);
  const upper = (side: 1 | -1): number => {
    if (gesture === 'waving' && side === 1) return Math.PI * random.range(0.65, 0.85);
    if (gesture === 'walking') return -side * stride * 0.9;
    return side * random.range(0.05, 0.25);
  };
  const lower = (side: 1 | -1, upperAngle: number): number => {
    if (gesture === 'waving' && side === 1) return Math.PI * random.range(0.9, 1.05);
    if (gesture === 'phone' && side === -1) return Math.PI * 0.85;
    return upperAngle + side * random.range(0, 0.4);
  };
  const leftUpper = upper(1);
  const rightUpper = upper(-1);
  const leftElbow = polar(leftShoulder, u * 1.5, leftUpper);
  const rightElbow = polar(rightShoulder, u * 1.5, rightUpper);
  const leftWrist = polar(leftElbow, u * 1.3, lower(1, leftUpper));
  const rightWrist = polar(rightElbow, u * 1.3, lower(-1, rightUpper));
  const head = { x: neck.x + random.range(-0.1, 0.1) * u, y: neck.y - u * 0.6 };
  return {
    head,
    neck,
    'left shoulder': leftShoulder,
    'right shoulder': rightShoulder,
    'left elbow': leftElbow,
    'right elbow': rightElbow,
    'left wrist': leftWrist,
    'right wrist': rightWrist,
    'left hip': leftHip,
    'right hip': rightHip,
    'left knee': leftKnee,
    'right knee': rightKnee,
    'left ankle': leftAnkle,
    'right ankle': rightAnkle,
  };
}

/** The box a labeller would draw: all joints plus the head's extent and a little margin. */
export function personBox(skeleton: Skeleton, height: number): { x: number; y: number; w: number; h: number } {
  const headRadius = height / 16;
  const points = Object.values(skeleton);
  const minX = Math.min(...points.map((p) => p.x)) - headRadius * 0.8;
  const maxX = Math.max(...points.map((p) => p.x)) + headRadius * 0.8;
  const minY = Math.min(...points.map((p) => p.y)) - headRadius * 1.1;
  const maxY = Math.max(...points.map((p) => p.y)) + headRadius * 0.4;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
