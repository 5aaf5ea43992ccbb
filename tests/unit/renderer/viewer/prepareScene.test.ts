import { describe, expect, it } from 'vitest';
import { fallbackColor } from '../../../../renderer/viewer/colors';
import { prepareScene, signedArea } from '../../../../renderer/viewer/prepareScene';
import { ShapeKind } from '../../../../renderer/viewer/sceneTypes';

const classes = [
  { name: 'car', color: '#e6194b' },
  { name: 'road', color: '#3cb44b' },
  { name: 'bad', color: 'purple-ish' },
];
const sq = (x: number, y: number, s: number) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];

/** Points of one ring of shape i, as [x, y] pairs. */
function ringPoints(scene: ReturnType<typeof prepareScene>, shape: number, ring = 0): [number, number][] {
  const r = scene.ringStart[shape]! + ring;
  const out: [number, number][] = [];
  for (let p = scene.ringOffsets[r]!; p < scene.ringOffsets[r + 1]!; p++)
    out.push([scene.coords[p * 2]!, scene.coords[p * 2 + 1]!]);
  return out;
}

describe('prepareScene', () => {
  it('flattens every known type with bounds, classes and predictions', () => {
    const scene = prepareScene(
      [
        { id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 10, y: 20, w: 30, h: 40 }, confidence: 1 },
        { id: 'b', name: 'road', type: 'polygon', polygon: { paths: [sq(0, 0, 10)] }, confidence: 0.4 },
        {
          id: 'c',
          name: 'road',
          type: 'polyline',
          polyline: {
            path: [
              { x: 1, y: 2 },
              { x: 5, y: 9 },
            ],
          },
        },
        { id: 'd', name: 'car', type: 'keypoint', keypoint: { x: 7, y: 8 }, confidence: null },
      ],
      classes,
    );
    expect(scene.count).toBe(4);
    expect([...scene.kind]).toEqual([ShapeKind.box, ShapeKind.polygon, ShapeKind.polyline, ShapeKind.keypoint]);
    expect([...scene.bounds.slice(0, 4)]).toEqual([10, 20, 40, 60]);
    expect([...scene.bounds.slice(12, 16)]).toEqual([7, 8, 7, 8]);
    expect([...scene.predicted]).toEqual([0, 1, 0, 0]);
    expect(scene.confidence[1]).toBeCloseTo(0.4);
    expect(scene.classes.map((c) => [c.name, c.count, c.predictions])).toEqual([
      ['car', 2, 0],
      ['road', 2, 1],
      ['bad', 0, 0],
    ]);
    expect(scene.extent).toEqual({ minX: 0, minY: 0, maxX: 40, maxY: 60 });
    expect(scene.issues).toEqual([]);
  });

  it('keeps holes as extra rings, marks the polygon holed, and normalises winding', () => {
    const outer = sq(0, 0, 100).reverse(); // counter-clockwise on screen
    const hole = sq(40, 40, 20);
    const scene = prepareScene(
      [{ id: 'h', name: 'road', type: 'polygon', polygon: { paths: [outer, hole] } }],
      classes,
    );
    expect(scene.holed[0]).toBe(1);
    expect(scene.ringStart[1]! - scene.ringStart[0]!).toBe(2);
    const toPts = (ring: [number, number][]) => ring.map(([x, y]) => ({ x, y }));
    expect(signedArea(toPts(ringPoints(scene, 0, 0)))).toBeGreaterThan(0);
    expect(ringPoints(scene, 0, 1)).toHaveLength(4);
  });

  it('reads the legacy polygon.path shape as one ring', () => {
    const scene = prepareScene([{ id: 'l', name: 'road', type: 'polygon', polygon: { path: sq(5, 5, 5) } }], classes);
    expect(scene.kind[0]).toBe(ShapeKind.polygon);
    expect(ringPoints(scene, 0)).toHaveLength(4);
  });

  it('draws an unknown type as its labelled bounding box, and lists it', () => {
    const scene = prepareScene(
      [{ id: 'u', name: 'car', type: 'cuboid', bounding_box: { x: 1, y: 2, w: 3, h: 4 }, cuboid: { depth: 3 } }],
      classes,
    );
    expect(scene.kind[0]).toBe(ShapeKind.unknown);
    expect(scene.labels.get(0)).toBe('cuboid');
    expect(scene.issues).toEqual([expect.objectContaining({ annotationId: 'u', kind: 'unknown-type' })]);
  });

  it('shortens a very long unknown type name for its tag', () => {
    const type = 'x'.repeat(10_000);
    const scene = prepareScene([{ id: 'u', name: 'car', type, bounding_box: { x: 0, y: 0, w: 1, h: 1 } }], classes);
    expect(scene.labels.get(0)).toHaveLength(40);
    expect(scene.labels.get(0)!.endsWith('…')).toBe(true);
  });

  it('falls back to the box for malformed geometry, and skips what cannot be drawn at all', () => {
    const scene = prepareScene(
      [
        {
          id: 'm',
          name: 'road',
          type: 'polygon',
          polygon: { paths: [[{ x: 0, y: 0 }]] },
          bounding_box: { x: 0, y: 0, w: 5, h: 5 },
        },
        { id: 'n', name: 'road', type: 'polyline', polyline: { path: [{ x: 'a', y: 0 }] } },
        { id: 'o', name: 'car', type: 'mesh' },
        'not an object',
        { id: 'p', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: Infinity, h: 1 } },
      ],
      classes,
    );
    expect(scene.count).toBe(1);
    expect(scene.labels.get(0)).toBe('malformed polygon');
    expect(scene.issues.map((i) => [i.annotationId, i.kind])).toEqual([
      ['m', 'malformed'],
      ['n', 'not-drawable'],
      ['o', 'not-drawable'],
      ['#4', 'not-drawable'],
      ['p', 'not-drawable'],
    ]);
    expect(scene.total).toBe(5);
  });

  it('normalises a box with a negative width', () => {
    const scene = prepareScene(
      [{ id: 'a', name: 'car', type: 'bbox', bounding_box: { x: 10, y: 10, w: -4, h: 2 } }],
      classes,
    );
    expect([...scene.bounds]).toEqual([6, 10, 10, 12]);
  });

  it('gives classes missing from the dataset, and invalid colours, a deterministic fallback with a reason', () => {
    const scene = prepareScene([{ id: 'g', name: 'ghost', type: 'keypoint', keypoint: { x: 0, y: 0 } }], classes);
    const ghost = scene.classes.find((c) => c.name === 'ghost')!;
    expect(ghost).toMatchObject({ status: 'missing-class', color: fallbackColor('ghost'), count: 1 });
    expect(scene.classes.find((c) => c.name === 'bad')).toMatchObject({
      status: 'invalid-color',
      color: fallbackColor('bad'),
    });
  });

  it('counts shapes entirely outside the image', () => {
    const scene = prepareScene(
      [
        { id: 'in', name: 'car', type: 'bbox', bounding_box: { x: 10, y: 10, w: 5, h: 5 } },
        { id: 'far', name: 'car', type: 'bbox', bounding_box: { x: 1e7, y: -1e7, w: 5, h: 5 } },
        { id: 'edge', name: 'car', type: 'bbox', bounding_box: { x: -3, y: -3, w: 5, h: 5 } },
      ],
      classes,
      { imageSize: { width: 100, height: 100 } },
    );
    expect(scene.outside).toBe(1);
  });

  it('keeps a 100,000-vertex polygon, and turns shapes past the vertex budget into boxes', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => ({ x: Math.cos(i) * 50 + 50, y: Math.sin(i) * 50 + 50 }));
    const scene = prepareScene(
      [
        { id: 'big', name: 'road', type: 'polygon', polygon: { paths: [big] } },
        { id: 'over', name: 'road', type: 'polygon', polygon: { paths: [big] } },
      ],
      classes,
      { maxPoints: 150_000 },
    );
    expect(scene.kind[0]).toBe(ShapeKind.polygon);
    expect(ringPoints(scene, 0)).toHaveLength(100_000);
    expect(scene.kind[1]).toBe(ShapeKind.unknown);
    expect(ringPoints(scene, 1)).toHaveLength(4);
    expect(scene.issues).toEqual([expect.objectContaining({ annotationId: 'over', kind: 'simplified' })]);
  });

  it('batches by group, prediction and class, areas first', () => {
    const scene = prepareScene(
      [
        { id: '1', name: 'road', type: 'polyline', polyline: { path: sq(0, 0, 1) } },
        { id: '2', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 1, h: 1 }, confidence: 0.5 },
        { id: '3', name: 'car', type: 'bbox', bounding_box: { x: 0, y: 0, w: 1, h: 1 } },
        { id: '4', name: 'road', type: 'polygon', polygon: { paths: [sq(0, 0, 1)] } },
        { id: '5', name: 'car', type: 'bbox', bounding_box: { x: 2, y: 0, w: 1, h: 1 } },
      ],
      classes,
    );
    expect(scene.batches.map((b) => [b.group, b.classIndex, b.predicted, [...b.shapes]])).toEqual([
      ['area', 0, false, [2, 4]],
      ['area', 1, false, [3]],
      ['area', 0, true, [1]],
      ['line', 1, false, [0]],
    ]);
  });
});
