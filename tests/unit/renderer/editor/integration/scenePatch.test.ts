import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../../shared/api/annotation';
import { moveVertex } from '../../../../../shared/annotations/ops';
import { patchScene, updateScene } from '../../../../../renderer/editor/view/scenePatch';
import { prepareScene } from '../../../../../renderer/viewer/prepareScene';

const classes = [
  { name: 'road', color: '#3cb44b' },
  { name: 'car', color: '#e6194b' },
];
const poly = (id: string, x: number): Annotation => ({
  id,
  name: 'road',
  type: 'polygon',
  polygon: {
    paths: [
      [
        { x, y: 0 },
        { x: x + 10, y: 0 },
        { x: x + 10, y: 10 },
      ],
    ],
  },
});
const list = [poly('a', 0), poly('b', 20), { id: 'k', name: 'weird', type: 'mystery' } as Annotation, poly('c', 40)];

describe('bulk scene update after an edit', () => {
  it('a moved vertex patches coordinates and bounds to exactly what a full prepare gives', () => {
    const scene = prepareScene(list, classes);
    const moved = moveVertex(list[3]!, 0, 1, { x: 70, y: 5 });
    if (!moved.ok) throw new Error(moved.reason);
    const next = [...list.slice(0, 3), moved.value];
    const patched = patchScene(scene, next, ['c'], classes)!;
    expect(patched).not.toBeNull();
    const full = prepareScene(next, classes);
    expect([...patched.coords]).toEqual([...full.coords]);
    expect([...patched.bounds]).toEqual([...full.bounds]);
    expect(patched.extent).toEqual(full.extent);
    // The scene the cache holds is left as it was.
    expect(scene.coords[scene.coords.length - 4]).toBe(50);
  });

  it('structural changes (a class change, an added point) fall back to a full prepare', () => {
    const scene = prepareScene(list, classes);
    const renamed = [...list.slice(0, 3), { ...list[3]!, name: 'car' }];
    expect(patchScene(scene, renamed, ['c'], classes)).toBeNull();
    const more = [
      ...list.slice(0, 3),
      { ...list[3]!, polygon: { paths: [[...list[3]!.polygon!.paths[0]!, { x: 40, y: 10 }]] } },
    ];
    expect(patchScene(scene, more, ['c'], classes)).toBeNull();
    const updated = updateScene(scene, more, ['c'], classes, null, false);
    expect(updated.coords.length).toBe(scene.coords.length + 2);
    expect(updated.classes.find((c) => c.name === 'road')!.count).toBe(3);
  });
});
