import type { Annotation } from '../../../../shared/api';

export const IMAGES = 20;
export const EDITS = 200;

/** mulberry32: a tiny seeded PRNG, so parent and child derive the same plan from the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const box = (id: string, x: number): Annotation => ({
  id,
  name: 'car',
  type: 'bbox',
  bounding_box: { x, y: 1, w: 4, h: 4 },
  confidence: 1,
  created_by: null,
  attributes: [],
});

/** What every image holds before a run (the parent puts it there through the API). */
export const baseList = (image: number): Annotation[] => [box(`base-${image}-a`, 1), box(`base-${image}-b`, 2)];

export interface PlannedEdit {
  index: number;
  image: number;
  /** The image's whole list after this edit (a save is a full overwrite). */
  state: Annotation[];
}

/**
 * 200 edits over 20 images: each adds an annotation, changes one (an attribute carrying the edit's
 * number), or deletes one. Each state derives from the image's previous planned state, so the
 * server must end with each image's LAST planned state — and any edit applied out of order would
 * leave a different one.
 */
export function planEdits(seed: number): PlannedEdit[] {
  const random = prng(seed);
  const states = Array.from({ length: IMAGES }, (_, i) => baseList(i));
  const edits: PlannedEdit[] = [];
  for (let index = 0; index < EDITS; index += 1) {
    const image = Math.floor(random() * IMAGES);
    const current = states[image]!;
    const roll = random();
    let next: Annotation[];
    if (roll < 0.4 || current.length === 0) next = [...current, box(`e${index}`, index)];
    else if (roll < 0.8) {
      const at = Math.floor(random() * current.length);
      next = current.map((a, i) => (i === at ? { ...a, attributes: { edit: index } } : a));
    } else {
      const at = Math.floor(random() * current.length);
      next = current.filter((_, i) => i !== at);
    }
    states[image] = next;
    edits.push({ index, image, state: next });
  }
  return edits;
}

/** Each image's final planned state. */
export function finalStates(edits: readonly PlannedEdit[]): Annotation[][] {
  const finals = Array.from({ length: IMAGES }, (_, i) => baseList(i));
  for (const e of edits) finals[e.image] = e.state;
  return finals;
}
