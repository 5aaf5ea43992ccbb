import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/api/annotation';
import { deleteSelection, duplicateSelection } from '../../../../renderer/editor/commands';
import { drive } from './driver';

/**
 * Saves are full overwrites (§7.3, design §6): an edit to one annotation must leave every other
 * one, with its unknown fields, unknown types and odd attributes, byte-identical.
 */
const strange: Annotation[] = [
  {
    id: 'mask-1',
    name: 'car',
    type: 'segmentation_mask',
    rle: { counts: [3, 5, 2], size: [4, 4] },
    bounding_box: { x: 300, y: 300, w: 4, h: 4 },
  } as Annotation,
  {
    id: 'odd-attrs',
    name: 'car',
    type: 'bbox',
    bounding_box: { x: 400, y: 400, w: 20, h: 20 },
    confidence: null,
    created_by: null,
    attributes: [{ deep: { list: [1, '2', null, { x: -0 }] } }, 'free text', 1e21],
    zeta: 'kept after the known keys',
    alpha: { nested: { empty: {} } },
  } as Annotation,
  {
    id: 'legacy',
    name: 'road',
    type: 'polygon',
    polygon: {
      path: [
        { x: 600, y: 600 },
        { x: 650, y: 600 },
        { x: 650, y: 650 },
      ],
    },
  } as unknown as Annotation,
  { id: 'broken', name: 'road', type: 'polygon', polygon: { paths: [[{ x: 1, y: 'two' }]] } } as unknown as Annotation,
  {
    id: 'edited',
    name: 'road',
    type: 'polygon',
    polygon: {
      paths: [
        [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
          { x: 100, y: 100 },
        ],
      ],
    },
    bounding_box: { x: 0, y: 0, w: 100, h: 100 },
    custom_field: { keep: ['me'] },
    attributes: { occluded: 'true', score: [0.1, 0.2] },
  } as Annotation,
];

const text = (list: readonly Annotation[], id: string) => JSON.stringify(list.find((a) => a.id === id));

describe('round trip: edits leave what they do not touch byte-identical', () => {
  it('after a vertex drag, a move, a duplicate and a delete elsewhere, every other annotation is unchanged', () => {
    const d = drive(structuredClone(strange));
    const before = structuredClone(strange);
    d.pointer.click(60, 30);
    d.pointer.drag([100, 100], [120, 130]);
    d.pointer.drag([60, 30], [70, 40]);
    duplicateSelection(d.editor);
    deleteSelection(d.editor);
    const after = d.editor.document.annotations;
    for (const id of ['mask-1', 'odd-attrs', 'legacy', 'broken']) expect(text(after, id)).toBe(text(before, id));
    expect(after.map((a) => a.id)).toEqual(['mask-1', 'odd-attrs', 'legacy', 'broken', 'edited']);
    const edited = after.find((a) => a.id === 'edited')!;
    expect(Object.keys(edited)).toEqual(Object.keys(before[4]!));
    expect(edited.custom_field).toEqual({ keep: ['me'] });
    expect(edited.attributes).toEqual({ occluded: 'true', score: [0.1, 0.2] });
    expect(edited.polygon!.paths[0]![2]).toEqual({ x: 130, y: 140 });
    expect(edited.bounding_box).toEqual({ x: 10, y: 10, w: 120, h: 130 });
  });

  it('unknown types and unreadable geometry are never picked, so never edited', () => {
    const d = drive(structuredClone(strange));
    d.pointer.click(302, 302);
    d.pointer.click(1, 1);
    expect(d.editor.session.selection).not.toContain('mask-1');
    expect(d.editor.session.selection).not.toContain('broken');
  });

  it('undoing back to the start gives the very same records (identity, not just equality)', () => {
    const list = structuredClone(strange);
    const d = drive(list);
    d.pointer.click(60, 30);
    d.pointer.drag([60, 30], [90, 90]);
    d.editor.undo();
    d.editor.document.annotations.forEach((a, i) => expect(a).toBe(list[i]));
  });
});
