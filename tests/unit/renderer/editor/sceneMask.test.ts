import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import { maskShapes, shapeOfSource } from '../../../../renderer/editor/sceneMask';
import { prepareScene } from '../../../../renderer/viewer/prepareScene';
import { box, keypoint, polygon } from './driver';

describe('maskShapes (the bulk layer leaves out the live selection and hidden annotations)', () => {
  const list: Annotation[] = [
    box('a', 0, 0, 10, 10),
    { id: 'junk', name: 'x', type: 'bbox' } as Annotation, // not drawable: no shape of its own
    polygon('p', [
      [
        [0, 0],
        [5, 0],
        [0, 5],
      ],
    ]),
    keypoint('k', 1, 1),
  ];
  const scene = prepareScene(list, [{ name: 'car', color: '#ff0000' }]);

  it('clears exactly the shapes of the given ids, with or without a culling mask', () => {
    const sourceOf = (i: number) => list[scene.source[i]!]!.id;
    const mask = maskShapes(scene, list, null, ['p', 'missing', 'junk']);
    const left = [...mask].flatMap((v, i) => (v === 0 ? [sourceOf(i)] : []));
    expect(left).toEqual(['p']);
    const culled = new Uint8Array(scene.count).fill(1);
    expect(maskShapes(scene, list, culled, ['k'])).toBe(culled);
    expect([...culled].filter((v) => v === 0)).toHaveLength(1);
  });

  it('finds a shape by its annotation index by binary search', () => {
    const sources = Uint32Array.from([0, 2, 3, 7, 9]);
    expect([0, 2, 3, 7, 9].map((s) => shapeOfSource(sources, s))).toEqual([0, 1, 2, 3, 4]);
    expect([1, 8, 10, -1].map((s) => shapeOfSource(sources, s))).toEqual([-1, -1, -1, -1]);
  });
});
