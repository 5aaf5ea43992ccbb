import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetLayout, ImageSlot } from '../../../../server/seed/plan';
import { seedLayout } from '../../../../server/seed/plan';
import { DEMO_RECIPE } from '../../../../server/seed/recipe';
import type { SeedImageStatus } from '../../../../server/seed/types';
import { canonicalizeAnnotations } from '../../../../server/validation/annotations';

/** The full demo recipe, planned without painting (a few seconds): the shape of the demo data. */
type PlannedDataset = Omit<DatasetLayout, 'images'> & {
  images: (ImageSlot & { status: SeedImageStatus; annotations: Record<string, unknown>[] })[];
};

function planDemo(): PlannedDataset[] {
  return seedLayout(DEMO_RECIPE).map((dataset) => ({
    ...dataset,
    images: dataset.images.map((slot) => {
      const planned = slot.plan();
      return { ...slot, status: planned.status, annotations: planned.annotations };
    }),
  }));
}

let datasets: PlannedDataset[];
beforeAll(() => {
  datasets = planDemo();
}, 120_000);

const named = (name: string): PlannedDataset => {
  const dataset = datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`no dataset ${name}`);
  return dataset;
};
const annotationsOf = (dataset: PlannedDataset) => dataset.images.flatMap((image) => image.annotations);
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the demo seed plan', () => {
  it('has the four datasets with distinct lowercase colours and a type per class', () => {
    expect(datasets.map((d) => [d.name, d.images.length])).toEqual([
      ['Street scenes', 500],
      ['Aerial tiles', 20],
      ['Poses and lanes', 40],
      ['Inbox', 0],
    ]);
    for (const dataset of datasets) {
      const colors = dataset.classes.map((c) => c.color);
      expect(new Set(colors).size).toBe(colors.length);
      for (const cls of dataset.classes) {
        expect(cls.color).toMatch(/^#[0-9a-f]{6}$/);
        expect(dataset.annotation_types).toContain(cls.type);
      }
    }
  });

  it('street scenes: 5–40 annotations on annotated frames, a third model output, plausible statuses', () => {
    const street = named('Street scenes');
    const annotated = street.images.filter((image) => image.annotations.length > 0);
    for (const image of annotated) {
      expect(image.annotations.length).toBeGreaterThanOrEqual(5);
      expect(image.annotations.length).toBeLessThanOrEqual(40);
    }
    const all = annotationsOf(street);
    const predictions = all.filter((a) => (a.confidence as number) < 1);
    expect(predictions.length / all.length).toBeGreaterThan(0.25);
    expect(predictions.length / all.length).toBeLessThan(0.42);
    expect(predictions.every((a) => String(a.created_by).startsWith('model:'))).toBe(true);
    expect(all.filter((a) => a.confidence === 1).every((a) => !String(a.created_by).startsWith('model:'))).toBe(true);
    // A new frame is untouched or holds raw predictions only.
    for (const image of street.images.filter((i) => i.status === 'new')) {
      expect(image.annotations.every((a) => (a.confidence as number) < 1)).toBe(true);
    }
    const statuses = new Set(street.images.map((i) => i.status));
    expect([...statuses].sort()).toEqual(['complete', 'in_progress', 'new']);
    expect(street.images.some((i) => i.status === 'new' && i.annotations.length === 0)).toBe(true);
    expect(new Set(street.images.map((i) => i.directory_path)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((a) => a.name))).toEqual(new Set(street.classes.map((c) => c.name)));
    expect(
      all.some((a) => !Array.isArray(a.attributes) && (a.attributes as Record<string, unknown>).occluded === true),
    ).toBe(true);
    expect(all.some((a) => 'tracking_id' in a)).toBe(true); // an unknown field to round-trip
  });

  it('aerial tiles: 4096² with 2,000–10,000 polygons each, one at the maximum, some with holes', () => {
    const aerial = named('Aerial tiles');
    for (const image of aerial.images) {
      expect([image.width, image.height]).toEqual([4096, 4096]);
      expect(image.annotations.length).toBeGreaterThanOrEqual(2000);
      expect(image.annotations.length).toBeLessThanOrEqual(10_000);
      expect(image.annotations.every((a) => a.type === 'polygon')).toBe(true);
    }
    expect(Math.max(...aerial.images.map((i) => i.annotations.length))).toBe(10_000);
    const courtyards = annotationsOf(aerial).filter((a) => (a.polygon as { paths: unknown[] }).paths.length > 1);
    expect(courtyards.length).toBeGreaterThan(100);
    expect(courtyards.every((a) => a.name === 'building')).toBe(true);
  });

  it('poses and lanes: keypoints per joint tied to a person box, polylines for lanes', () => {
    const poses = named('Poses and lanes');
    const all = annotationsOf(poses);
    expect(new Set(all.map((a) => a.type))).toEqual(new Set(['bbox', 'keypoint', 'polyline']));
    for (const image of poses.images.filter((i) => i.annotations.length > 0)) {
      const people = image.annotations.filter((a) => a.name === 'person');
      const joints = image.annotations.filter((a) => a.type === 'keypoint');
      expect(people.length).toBeGreaterThan(0);
      expect(joints).toHaveLength(people.length * 14);
      expect(image.annotations.filter((a) => a.type === 'polyline').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('every annotation is valid (§7.3) and already in the server’s canonical form', () => {
    for (const dataset of datasets) {
      for (const image of dataset.images) {
        const canonical = canonicalizeAnnotations(image.annotations, {
          classes: dataset.classes,
          annotationTypes: dataset.annotation_types,
        });
        expect(canonical.ok ? [] : canonical.problems.slice(0, 5)).toEqual([]);
        if (canonical.ok) expect(canonical.list.json).toBe(JSON.stringify(image.annotations));
        for (const a of image.annotations) {
          const box = a.bounding_box as { x: number; y: number; w: number; h: number } | undefined;
          if (!box) continue;
          // inside the frame, so normalised exports (YOLO) stay within [0, 1]
          expect(box.x >= 0 && box.y >= 0 && box.x + box.w <= image.width && box.y + box.h <= image.height).toBe(true);
        }
      }
    }
  }, 120_000);

  it('is deterministic: planning twice gives the same fixture hash', () => {
    expect(digest(planDemo())).toBe(digest(datasets));
  }, 120_000);
});
