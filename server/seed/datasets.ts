import type { SeedClass } from './types';
import { JOINTS } from './scenes/poses/skeleton';

/**
 * Dataset identities and classes. Colours are distinct within each dataset (lowercase #rrggbb,
 * from a high-contrast 20-colour palette) and every class carries the type its annotations use.
 */
const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#ffe119',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#46f0f0',
  '#f032e6',
  '#bcf60c',
  '#fabebe',
  '#008080',
  '#e6beff',
  '#9a6324',
  '#fffac8',
  '#800000',
  '#aaffc3',
  '#808000',
  '#ffd8b1',
  '#000075',
  '#808080',
] as const;

function classes(entries: [name: string, type: string][]): SeedClass[] {
  if (entries.length > PALETTE.length) throw new Error('not enough distinct class colours');
  return entries.map(([name, type], index) => ({ name, color: PALETTE[index]!, type }));
}

export const STREET_DATASET = {
  name: 'Street scenes',
  description:
    'Dash-cam frames from town streets and a highway, by day, by night and in the rain. Boxes for road users and street furniture, polygons for surfaces.',
  annotation_types: ['bbox', 'polygon'],
  classes: classes([
    ['car', 'bbox'],
    ['pedestrian', 'bbox'],
    ['cyclist', 'bbox'],
    ['traffic light', 'bbox'],
    ['traffic sign', 'bbox'],
    ['road', 'polygon'],
    ['sidewalk', 'polygon'],
    ['building', 'polygon'],
    ['vegetation', 'polygon'],
  ]),
};

export const AERIAL_DATASET = {
  name: 'Aerial tiles',
  description: '4096 × 4096 orthophoto tiles of a suburb with 2,000–10,000 polygons each: the editor stress case.',
  annotation_types: ['polygon'],
  classes: classes([
    ['building', 'polygon'],
    ['tree', 'polygon'],
    ['pool', 'polygon'],
    ['road', 'polygon'],
  ]),
};

export const POSES_DATASET = {
  name: 'Poses and lanes',
  description: 'People on a zebra crossing with one keypoint per joint, and lane boundaries as polylines.',
  annotation_types: ['bbox', 'polyline', 'keypoint'],
  classes: classes([
    ['person', 'bbox'],
    ...JOINTS.map((joint): [string, string] => [joint, 'keypoint']),
    ['lane marking', 'polyline'],
    ['road edge', 'polyline'],
  ]),
};

export const INBOX_DATASET = {
  name: 'Inbox',
  description: 'Empty on purpose: upload your own images here.',
  annotation_types: ['bbox', 'polygon', 'polyline', 'keypoint'],
  classes: classes([
    ['object', 'bbox'],
    ['region', 'polygon'],
    ['path', 'polyline'],
    ['point', 'keypoint'],
  ]),
};
