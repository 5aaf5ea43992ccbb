import { describe, expect, it } from 'vitest';
import { box, drive, keypoint, polygon, polyline } from '../driver';

const square = (id: string, x: number, y: number, s = 100) =>
  polygon(id, [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
    ],
  ]);

describe('select/Idle → Pointing → Idle (click)', () => {
  it('a click selects the topmost shape under the pointer; empty space clears', () => {
    const d = drive([box('under', 0, 0, 200, 200), box('over', 50, 50, 50, 50)]);
    expect(d.editor.toolState).toBe('select/Idle');
    d.pointer.down(60, 60);
    expect(d.editor.toolState).toBe('select/Pointing');
    d.pointer.up(60, 60);
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.editor.session.selection).toEqual(['over']);
    d.pointer.click(10, 10);
    expect(d.editor.session.selection).toEqual(['under']);
    d.pointer.click(500, 500);
    expect(d.editor.session.selection).toEqual([]);
    expect(d.history.canUndo).toBe(false);
  });

  it('Shift-click adds and removes; a plain click on a member of a multi-selection keeps just it', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 20, 0, 10, 10)]);
    d.pointer.click(5, 5);
    d.pointer.click(25, 5, { shift: true });
    expect(d.editor.session.selection).toEqual(['a', 'b']);
    d.pointer.click(5, 5, { shift: true });
    expect(d.editor.session.selection).toEqual(['b']);
    d.pointer.click(5, 5, { shift: true });
    d.pointer.click(25, 5);
    expect(d.editor.session.selection).toEqual(['b']);
  });

  it('a click inside a polygon hole does not pick the polygon', () => {
    const d = drive([
      polygon('holed', [
        [
          [0, 0],
          [100, 0],
          [100, 100],
          [0, 100],
        ],
        [
          [40, 40],
          [60, 40],
          [60, 60],
          [40, 60],
        ],
      ]),
    ]);
    d.pointer.click(50, 50);
    expect(d.editor.session.selection).toEqual([]);
    d.pointer.click(20, 20);
    expect(d.editor.session.selection).toEqual(['holed']);
  });

  it('hidden and locked annotations cannot be picked (per annotation and per class)', () => {
    const d = drive([box('a', 0, 0, 100, 100), box('b', 0, 0, 50, 50, 'person')]);
    d.editor.updateSession((s) => ({ ...s, locked: new Set(['b']) }));
    d.pointer.click(10, 10);
    expect(d.editor.session.selection).toEqual(['a']);
    d.editor.updateSession((s) => ({ ...s, locked: new Set(), hiddenClasses: new Set(['car']) }));
    d.pointer.click(80, 80);
    expect(d.editor.session.selection).toEqual([]);
  });

  it('Escape in Idle drops the selection', () => {
    const d = drive([box('a', 0, 0, 10, 10)]);
    d.pointer.click(5, 5);
    expect(d.key('Escape')).toBe(true);
    expect(d.editor.session.selection).toEqual([]);
    expect(d.key('Escape')).toBe(false);
  });
});

describe('select/DraggingShapes', () => {
  it('moves the whole selection; the drag is one undo step', () => {
    const d = drive([box('a', 0, 0, 10, 10), square('p', 100, 100, 20)]);
    d.pointer.click(5, 5);
    d.pointer.click(110, 110, { shift: true });
    d.pointer.down(5, 5);
    d.pointer.move(7, 5);
    expect(d.editor.toolState).toBe('select/Pointing');
    d.pointer.move(15, 25);
    expect(d.editor.toolState).toBe('select/DraggingShapes');
    d.pointer.move(55, 45);
    d.pointer.up(55, 45);
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.get('a').bounding_box).toEqual({ x: 50, y: 40, w: 10, h: 10 });
    expect(d.get('p').polygon!.paths[0]![0]).toEqual({ x: 150, y: 140 });
    expect(d.history.undoDepth).toBe(1);
    d.editor.undo();
    expect(d.get('a').bounding_box).toEqual({ x: 0, y: 0, w: 10, h: 10 });
    expect(d.get('p').polygon!.paths[0]![0]).toEqual({ x: 100, y: 100 });
  });

  it('a press below the drag threshold is a click, not a move', () => {
    const d = drive([box('a', 0, 0, 10, 10)]);
    d.pointer.down(5, 5);
    d.pointer.move(6, 6);
    d.pointer.up(6, 6);
    expect(d.get('a').bounding_box).toEqual({ x: 0, y: 0, w: 10, h: 10 });
    expect(d.history.canUndo).toBe(false);
  });

  it('Escape mid-drag puts everything back with no undo or redo entry', () => {
    const d = drive([
      keypoint('k', 50, 50),
      polyline('l', [
        [0, 200],
        [100, 200],
      ]),
    ]);
    d.pointer.click(50, 50);
    d.pointer.down(50, 50);
    d.pointer.move(80, 90);
    expect(d.get('k').keypoint).toEqual({ x: 80, y: 90 });
    d.key('Escape');
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.get('k').keypoint).toEqual({ x: 50, y: 50 });
    expect(d.history.canUndo).toBe(false);
    expect(d.history.canRedo).toBe(false);
    d.pointer.up(80, 90);
    expect(d.get('k').keypoint).toEqual({ x: 50, y: 50 });
  });
});

describe('select/ResizingBox', () => {
  it('each of the 8 handles moves its edges; crossing over normalises; one undo step', () => {
    const d = drive([box('a', 100, 100, 100, 50)]);
    d.pointer.click(150, 125);
    d.pointer.drag([200, 150], [260, 170]); // se
    expect(d.get('a').bounding_box).toEqual({ x: 100, y: 100, w: 160, h: 70 });
    d.pointer.drag([180, 100], [180, 300]); // n, dragged past the bottom edge (170)
    expect(d.get('a').bounding_box).toEqual({ x: 100, y: 170, w: 160, h: 130 });
    d.pointer.drag([100, 235], [90, 235]); // w
    expect(d.get('a').bounding_box).toEqual({ x: 90, y: 170, w: 170, h: 130 });
    expect(d.history.undoDepth).toBe(3);
  });

  it('a box never shrinks below the minimum size; Escape restores it', () => {
    const d = drive([box('a', 100, 100, 100, 50)]);
    d.pointer.click(150, 125);
    d.pointer.down(200, 125); // e
    expect(d.editor.toolState).toBe('select/ResizingBox');
    d.pointer.move(100, 125);
    expect(d.get('a').bounding_box!.w).toBe(1);
    d.key('Escape');
    expect(d.get('a').bounding_box).toEqual({ x: 100, y: 100, w: 100, h: 50 });
    expect(d.editor.toolState).toBe('select/Idle');
  });
});

describe('small boxes', () => {
  it('a press in the middle of a small selected box moves it instead of grabbing a handle', () => {
    const d = drive([box('tiny', 100, 100, 10, 10)]);
    d.pointer.click(105, 105);
    d.pointer.down(105, 105);
    d.pointer.move(125, 105);
    expect(d.editor.toolState).toBe('select/DraggingShapes');
    d.pointer.up(125, 105);
    expect(d.get('tiny').bounding_box).toEqual({ x: 120, y: 100, w: 10, h: 10 });
  });
});

describe('select/DraggingVertex and vertex editing', () => {
  it('drags a vertex of the selected polygon as one step', () => {
    const d = drive([square('p', 100, 100)]);
    d.pointer.click(150, 150);
    d.pointer.down(200, 200);
    expect(d.editor.toolState).toBe('select/DraggingVertex');
    expect(d.editor.session.vertex).toEqual({ id: 'p', ring: 0, index: 2 });
    d.pointer.move(230, 240);
    d.pointer.up(230, 240);
    expect(d.get('p').polygon!.paths[0]![2]).toEqual({ x: 230, y: 240 });
    expect(d.history.undoDepth).toBe(1);
  });

  it('a press on an edge inserts a vertex there and drags it; Escape takes both back', () => {
    const d = drive([square('p', 100, 100)]);
    d.pointer.click(150, 150);
    d.pointer.down(150, 101);
    expect(d.get('p').polygon!.paths[0]).toHaveLength(5);
    expect(d.get('p').polygon!.paths[0]![1]).toEqual({ x: 150, y: 100 });
    d.pointer.move(150, 80);
    expect(d.get('p').polygon!.paths[0]![1]).toEqual({ x: 150, y: 80 });
    d.key('Escape');
    expect(d.get('p').polygon!.paths[0]).toHaveLength(4);
    expect(d.history.canUndo).toBe(false);
    d.pointer.click(150, 101);
    expect(d.get('p').polygon!.paths[0]).toHaveLength(5);
    expect(d.history.undoDepth).toBe(1);
  });

  it('Alt-click and Delete remove a vertex, never below 3 per ring (with the reason shown)', () => {
    const d = drive([
      polygon('p', [
        [
          [0, 0],
          [100, 0],
          [100, 100],
          [50, 150],
          [0, 100],
        ],
      ]),
    ]);
    d.pointer.click(50, 50);
    d.pointer.click(50, 150, { alt: true });
    expect(d.get('p').polygon!.paths[0]).toHaveLength(4);
    d.pointer.click(100, 100);
    expect(d.editor.session.vertex).toEqual({ id: 'p', ring: 0, index: 2 });
    expect(d.key('Delete')).toBe(true);
    expect(d.get('p').polygon!.paths[0]).toHaveLength(3);
    d.pointer.click(0, 0, { alt: true });
    expect(d.get('p').polygon!.paths[0]).toHaveLength(3);
    expect(d.editor.overlay.notice).toMatch(/at least 3 points/);
    expect(d.history.undoDepth).toBe(2);
  });

  it('polylines keep at least 2 points', () => {
    const d = drive([
      polyline('l', [
        [0, 0],
        [100, 0],
        [200, 0],
      ]),
    ]);
    d.pointer.click(50, 0);
    d.pointer.click(200, 0, { alt: true });
    d.pointer.click(100, 0, { alt: true });
    expect(d.get('l').polyline!.path).toHaveLength(2);
    expect(d.editor.overlay.notice).toMatch(/at least 2 points/);
  });

  it('with Ctrl held, a dragged vertex snaps to another shape’s vertex', () => {
    const d = drive([square('p', 100, 100), box('b', 300, 300, 50, 50)]);
    d.pointer.click(150, 150);
    d.pointer.down(200, 200);
    d.pointer.move(296, 305, { mod: true });
    expect(d.get('p').polygon!.paths[0]![2]).toEqual({ x: 300, y: 300 });
    expect(d.editor.overlay.snap).toEqual({ x: 300, y: 300 });
    d.pointer.move(296, 305);
    expect(d.get('p').polygon!.paths[0]![2]).toEqual({ x: 296, y: 305 });
    d.pointer.up(296, 305);
  });
});

describe('select/BoxSelecting', () => {
  it('selects the shapes the rectangle touches; Alt only those inside; Shift adds', () => {
    const d = drive([box('a', 0, 0, 10, 10), box('b', 50, 0, 10, 10), box('c', 200, 200, 10, 10)]);
    d.pointer.down(-5, -5);
    expect(d.editor.toolState).toBe('select/BoxSelecting');
    d.pointer.move(55, 5);
    expect(d.editor.overlay.marquee).toEqual({ minX: -5, minY: -5, maxX: 55, maxY: 5 });
    d.pointer.up(55, 5);
    expect(d.editor.session.selection).toEqual(['a', 'b']);
    expect(d.editor.overlay.marquee).toBeNull();
    d.pointer.drag([-5, -5], [55, 15], { alt: true });
    expect(d.editor.session.selection).toEqual(['a']);
    d.pointer.drag([190, 190], [220, 220], { shift: true });
    expect(d.editor.session.selection).toEqual(['a', 'c']);
  });

  it('Escape drops the rectangle and selects nothing', () => {
    const d = drive([box('a', 0, 0, 10, 10)]);
    d.pointer.down(-5, -5);
    d.pointer.move(20, 20);
    d.key('Escape');
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.editor.overlay.marquee).toBeNull();
    d.pointer.up(20, 20);
    expect(d.editor.session.selection).toEqual([]);
  });
});
