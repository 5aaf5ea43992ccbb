import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import { shapeOf, shapeRings } from '../../../../shared/annotations/shapes';
import { pointInRings } from '../../../../shared/geometry/polygon';
import { nearAnyEdge } from '../../../../shared/geometry/distance';
import { createDocument } from '../../../../renderer/editor/document/document';
import { listDiff, replacementDiff } from '../../../../renderer/editor/history/diff';
import { PickIndex } from '../../../../renderer/editor/picking/pickIndex';
import { box, keypoint, polygon, polyline } from './driver';

/** A reproducible scatter of small polygons, boxes, polylines and keypoints over a 4096² image. */
function scatter(count: number, seed = 11): Annotation[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const list: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const x = rnd() * 4000;
    const y = rnd() * 4000;
    const r = 5 + rnd() * 40;
    switch (i % 4) {
      case 0:
        list.push(
          polygon(`s${i}`, [
            Array.from(
              { length: 12 },
              (_, k) => [x + r * Math.cos(k / 2), y + r * Math.sin(k / 2)] as [number, number],
            ),
          ]),
        );
        break;
      case 1:
        list.push(box(`s${i}`, x, y, r, r / 2));
        break;
      case 2:
        list.push(
          polyline(`s${i}`, [
            [x, y],
            [x + r, y + r],
            [x + 2 * r, y],
          ]),
        );
        break;
      default:
        list.push(keypoint(`s${i}`, x, y));
    }
  }
  return list;
}

/** The answer without any index: test every shape, keep the last (topmost) hit. */
function brutePick(list: readonly Annotation[], x: number, y: number, tol: number): string | null {
  let hit: string | null = null;
  for (const a of list) {
    const shape = shapeOf(a)!;
    const rings = shapeRings(shape);
    const inside =
      shape.kind === 'bbox'
        ? x >= shape.box.x - tol &&
          x <= shape.box.x + shape.box.w + tol &&
          y >= shape.box.y - tol &&
          y <= shape.box.y + shape.box.h + tol
        : shape.kind === 'polygon'
          ? pointInRings(x, y, rings) || nearAnyEdge(x, y, rings, true, tol)
          : nearAnyEdge(x, y, rings, false, tol);
    if (inside) hit = a.id;
  }
  return hit;
}

describe('PickIndex', () => {
  it('picks exactly what a brute-force scan picks (topmost first), over 2,000 shapes and 3,000 points', () => {
    const list = scatter(2000);
    const index = new PickIndex(list, { width: 4096, height: 4096 });
    let s = 5;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let hits = 0;
    for (let q = 0; q < 3000; q++) {
      const x = rnd() * 4096;
      const y = rnd() * 4096;
      const expected = brutePick(list, x, y, 3);
      if (expected) hits++;
      expect(index.pick(x, y, 3)?.id ?? null).toBe(expected);
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('updates incrementally: a moved shape is found at its new place only; deletions and insertions follow', () => {
    const list = scatter(400);
    const index = new PickIndex(list, { width: 4096, height: 4096 });
    let doc = createDocument('img', list);
    const target = list[1]!; // a box
    const movedBox = { ...target, bounding_box: { x: 4050, y: 4050, w: 10, h: 10 } };
    let diff = replacementDiff(doc, [movedBox]);
    doc = { ...doc, annotations: list.map((a) => (a === target ? movedBox : a)) };
    index.applyDiff(doc.annotations, diff);
    expect(index.pick(4055, 4055, 0)?.id).toBe(target.id);
    const oldCentre = { x: target.bounding_box!.x + 1, y: target.bounding_box!.y + 1 };
    expect(index.pick(oldCentre.x, oldCentre.y, 0)?.id ?? null).toBe(
      brutePick(doc.annotations, oldCentre.x, oldCentre.y, 0),
    );

    const next = [...doc.annotations.filter((a) => a.id !== target.id), box('fresh', 4050, 4050, 10, 10)];
    diff = listDiff(doc, next);
    index.applyDiff(next, diff);
    expect(index.pick(4055, 4055, 0)?.id).toBe('fresh');
    expect(index.size).toBe(400);
  });

  it('z-order follows a reorder diff', () => {
    const list = [box('a', 0, 0, 10, 10), box('b', 0, 0, 10, 10)];
    const index = new PickIndex(list, null);
    expect(index.pick(5, 5, 0)?.id).toBe('b');
    const reordered = [list[1]!, list[0]!];
    index.applyDiff(reordered, listDiff(createDocument('img', list), reordered));
    expect(index.pick(5, 5, 0)?.id).toBe('a');
  });

  it('respects the accept filter (hidden/locked), and never indexes unreadable annotations', () => {
    const list = [
      box('a', 0, 0, 10, 10),
      box('b', 0, 0, 10, 10),
      { id: 'mask', name: 'x', type: 'mask', bounding_box: { x: 0, y: 0, w: 10, h: 10 } } as Annotation,
    ];
    const index = new PickIndex(list, null);
    expect(index.size).toBe(2);
    expect(index.pick(5, 5, 0, (a) => a.id !== 'b')?.id).toBe('a');
    expect(index.pick(5, 5, 0, () => false)).toBeNull();
  });

  it('finds shapes far outside the image (edge cells) and shapes larger than many cells', () => {
    const list = [...scatter(300), box('huge', -100, -100, 5000, 5000), keypoint('far', 9000, -3000)];
    const index = new PickIndex(list, { width: 4096, height: 4096 });
    expect(index.pick(9000, -3000, 1)?.id).toBe('far');
    expect(index.pick(-50, -50, 0)?.id).toBe('huge');
  });

  it('snaps to the nearest vertex within the radius, skipping the excluded shape and filtered ones', () => {
    const list = [box('a', 100, 100, 50, 50), keypoint('k', 160, 160)];
    const index = new PickIndex(list, null);
    expect(index.snap(156, 157, 10)).toEqual({ x: 160, y: 160 });
    expect(index.snap(156, 157, 10, () => true, 'k')).toEqual({ x: 150, y: 150 });
    expect(index.snap(156, 157, 2)).toBeNull();
    expect(index.snap(156, 157, 10, (a) => a.id === 'a')).toEqual({ x: 150, y: 150 });
  });

  it('box-select: intersect (exact outlines, not bounds) and contain, in drawing order', () => {
    const diagonal = polyline('diag', [
      [0, 0],
      [100, 100],
    ]);
    const list = [box('b', 40, 40, 20, 20), diagonal, keypoint('k', 200, 200)];
    const index = new PickIndex(list, null);
    // Inside the diagonal's bounds, but beside the line itself.
    expect(index.boxSelect({ minX: 70, minY: 5, maxX: 90, maxY: 20 })).toEqual([]);
    expect(index.boxSelect({ minX: 45, minY: 0, maxX: 55, maxY: 100 })).toEqual(['b', 'diag']);
    expect(index.boxSelect({ minX: 30, minY: 30, maxX: 210, maxY: 210 }, 'contain')).toEqual(['b', 'k']);
    expect(index.boxSelect({ minX: -1, minY: -1, maxX: 300, maxY: 300 }, 'intersect', (a) => a.id !== 'b')).toEqual([
      'diag',
      'k',
    ]);
  });
});
