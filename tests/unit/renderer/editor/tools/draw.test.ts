import { describe, expect, it } from 'vitest';
import { box, drive, polygon } from '../driver';

describe('bbox/Idle → bbox/Drawing', () => {
  it('a drag draws a box in the first class that takes boxes, selected, as one step', () => {
    const d = drive([], { tool: 'bbox' });
    expect(d.editor.toolState).toBe('bbox/Idle');
    d.pointer.down(100, 100);
    expect(d.editor.toolState).toBe('bbox/Drawing');
    d.pointer.move(60, 150);
    expect(d.editor.overlay.draft).toMatchObject({
      kind: 'bbox',
      points: [
        { x: 100, y: 100 },
        { x: 60, y: 150 },
      ],
    });
    d.pointer.up(40, 180);
    expect(d.editor.toolState).toBe('bbox/Idle');
    expect(d.editor.document.annotations).toEqual([
      { id: 'new-1', name: 'car', type: 'bbox', bounding_box: { x: 40, y: 100, w: 60, h: 80 } },
    ]);
    expect(d.editor.session.selection).toEqual(['new-1']);
    expect(d.editor.overlay.draft).toBeNull();
    expect(d.history.undoDepth).toBe(1);
  });

  it('uses the active class when it takes boxes', () => {
    const d = drive([], { tool: 'bbox' });
    d.editor.updateSession((s) => ({ ...s, activeClass: 'person' }));
    d.pointer.drag([0, 0], [20, 20]);
    expect(d.get('new-1').name).toBe('person');
    d.editor.updateSession((s) => ({ ...s, activeClass: 'road' }));
    d.pointer.drag([0, 0], [20, 20]);
    expect(d.get('new-2').name).toBe('car');
  });

  it('a box under the minimum size on screen is a stray click: nothing is added', () => {
    const d = drive([], { tool: 'bbox', camera: { scale: 4, x: 0, y: 0 } });
    d.pointer.drag([100, 100], [103, 140]);
    expect(d.editor.document.annotations).toEqual([]);
    expect(d.editor.overlay.notice).toMatch(/drag to draw a box/);
    d.pointer.drag([100, 100], [104, 104]);
    expect(d.get('new-1').bounding_box).toEqual({ x: 25, y: 25, w: 1, h: 1 });
  });

  it('Escape drops the box being drawn', () => {
    const d = drive([], { tool: 'bbox' });
    d.pointer.down(0, 0);
    d.pointer.move(50, 50);
    d.key('Escape');
    expect(d.editor.toolState).toBe('bbox/Idle');
    d.pointer.up(50, 50);
    expect(d.editor.document.annotations).toEqual([]);
    expect(d.history.canUndo).toBe(false);
  });

  it('refuses when the dataset does not allow boxes or no class takes them', () => {
    const d = drive([], { tool: 'bbox', annotationTypes: ['polygon'] });
    d.pointer.drag([0, 0], [50, 50]);
    expect(d.editor.document.annotations).toEqual([]);
    expect(d.editor.overlay.notice).toBe('this dataset does not allow bbox annotations');
    const e = drive([], { tool: 'bbox', classes: [{ name: 'road', type: 'polygon' }] });
    e.pointer.drag([0, 0], [50, 50]);
    expect(e.editor.overlay.notice).toBe('no class of this dataset takes bbox annotations');
  });
});

describe('polygon/Idle → polygon/Drawing', () => {
  it('clicks place points; a click on the first point closes it', () => {
    const d = drive([], { tool: 'polygon' });
    d.pointer.click(0, 0);
    expect(d.editor.toolState).toBe('polygon/Drawing');
    d.pointer.click(100, 0);
    d.pointer.click(100, 100);
    d.pointer.move(2, 3);
    expect(d.editor.overlay.draft).toMatchObject({ kind: 'polygon', closing: true });
    d.pointer.click(2, 3);
    expect(d.editor.toolState).toBe('polygon/Idle');
    expect(d.get('new-1')).toEqual({
      id: 'new-1',
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
    });
    expect(d.history.undoDepth).toBe(1);
  });

  it('Enter closes (3 points at least); Backspace removes the last point; a double click adds one point', () => {
    const d = drive([], { tool: 'polygon' });
    d.pointer.click(0, 0);
    d.pointer.click(100, 0);
    d.pointer.click(100, 0);
    d.key('Enter');
    expect(d.editor.toolState).toBe('polygon/Drawing');
    expect(d.editor.overlay.notice).toMatch(/at least 3 points/);
    d.pointer.click(50, 50);
    d.pointer.click(70, 80);
    d.key('Backspace');
    expect(d.editor.overlay.draft!.points).toHaveLength(3);
    d.key('Enter');
    expect(d.get('new-1').polygon!.paths[0]).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 50, y: 50 },
    ]);
  });

  it('Backspace past the first point and Escape both abandon the draft', () => {
    const d = drive([], { tool: 'polygon' });
    d.pointer.click(0, 0);
    d.key('Backspace');
    expect(d.editor.toolState).toBe('polygon/Idle');
    d.pointer.click(0, 0);
    d.pointer.click(50, 0);
    d.key('Escape');
    expect(d.editor.toolState).toBe('polygon/Idle');
    expect(d.editor.overlay.draft).toBeNull();
    expect(d.editor.document.annotations).toEqual([]);
  });

  it('with Ctrl held, a new point snaps to an existing vertex within the radius (not further)', () => {
    const d = drive([box('b', 200, 200, 50, 50)], { tool: 'polygon' });
    d.pointer.move(195, 197, { mod: true });
    expect(d.editor.overlay.snap).toEqual({ x: 200, y: 200 });
    d.pointer.click(195, 197, { mod: true });
    d.pointer.click(300, 180, { mod: true });
    d.pointer.click(300, 300);
    d.key('Enter');
    expect(d.get('new-1').polygon!.paths[0]).toEqual([
      { x: 200, y: 200 },
      { x: 300, y: 180 },
      { x: 300, y: 300 },
    ]);
  });

  it('switching tools mid-draw drops the draft', () => {
    const d = drive([], { tool: 'polygon' });
    d.pointer.click(0, 0);
    d.pointer.click(10, 0);
    d.editor.setTool('select');
    expect(d.editor.toolState).toBe('select/Idle');
    expect(d.editor.overlay.draft).toBeNull();
    expect(d.editor.session.tool).toBe('select');
  });
});

describe('polyline/Idle → polyline/Drawing', () => {
  it('Enter finishes with at least 2 points', () => {
    const d = drive([], { tool: 'polyline' });
    d.pointer.click(0, 0);
    expect(d.editor.toolState).toBe('polyline/Drawing');
    d.key('Enter');
    expect(d.editor.overlay.notice).toMatch(/at least 2 points/);
    d.pointer.click(50, 10);
    d.pointer.move(60, 60);
    expect(d.editor.overlay.draft).toMatchObject({ kind: 'polyline', cursor: { x: 60, y: 60 } });
    d.key('Enter');
    expect(d.editor.toolState).toBe('polyline/Idle');
    expect(d.get('new-1')).toMatchObject({
      name: 'lane',
      type: 'polyline',
      polyline: {
        path: [
          { x: 0, y: 0 },
          { x: 50, y: 10 },
        ],
      },
      bounding_box: { x: 0, y: 0, w: 50, h: 10 },
    });
  });

  it('a click on the first point adds a point (polylines are open); Backspace and Escape work as for polygons', () => {
    const d = drive([], { tool: 'polyline' });
    d.pointer.click(0, 0);
    d.pointer.click(100, 0);
    d.pointer.click(0, 1);
    expect(d.editor.overlay.draft!.points).toHaveLength(3);
    d.key('Backspace');
    expect(d.editor.overlay.draft!.points).toHaveLength(2);
    d.key('Escape');
    expect(d.editor.toolState).toBe('polyline/Idle');
    expect(d.editor.document.annotations).toEqual([]);
  });
});

describe('hole/Idle → hole/Drawing', () => {
  const outline = (): ReturnType<typeof polygon> =>
    polygon('p', [
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
    ]);

  it('adds an inner ring to the selected polygon as one step; Alt-click inside it removes it', () => {
    const d = drive([outline()]);
    d.pointer.click(50, 50);
    d.editor.setTool('hole');
    d.pointer.click(40, 40);
    expect(d.editor.toolState).toBe('hole/Drawing');
    d.pointer.click(60, 40);
    d.pointer.click(60, 60);
    d.pointer.click(40, 60);
    d.pointer.click(40, 40);
    expect(d.editor.toolState).toBe('hole/Idle');
    expect(d.get('p').polygon!.paths).toHaveLength(2);
    expect(d.history.undoDepth).toBe(1);
    d.pointer.click(50, 50, { alt: true });
    expect(d.get('p').polygon!.paths).toHaveLength(1);
    expect(d.history.undoDepth).toBe(2);
    d.editor.undo();
    expect(d.get('p').polygon!.paths).toHaveLength(2);
  });

  it('needs one selected polygon, and refuses a hole outside the outline', () => {
    const d = drive([outline(), box('b', 300, 300, 10, 10)], { tool: 'hole' });
    d.pointer.click(50, 50);
    expect(d.editor.toolState).toBe('hole/Idle');
    expect(d.editor.overlay.notice).toMatch(/select one polygon/);
    d.editor.select(['p']);
    d.pointer.click(50, 50);
    d.pointer.click(150, 50);
    d.pointer.click(150, 80);
    d.key('Enter');
    expect(d.editor.overlay.notice).toBe('a hole must lie inside the outline');
    expect(d.editor.toolState).toBe('hole/Idle');
    expect(d.get('p').polygon!.paths).toHaveLength(1);
    d.pointer.click(50, 50, { alt: true });
    expect(d.editor.overlay.notice).toMatch(/inside a hole/);
  });

  it('Escape drops the hole being drawn', () => {
    const d = drive([outline()]);
    d.editor.select(['p']);
    d.editor.setTool('hole');
    d.pointer.click(40, 40);
    d.pointer.click(60, 40);
    d.key('Escape');
    expect(d.editor.toolState).toBe('hole/Idle');
    expect(d.history.canUndo).toBe(false);
  });
});

describe('keypoint/Idle → keypoint/Moving', () => {
  it('a click places a keypoint; a press on one moves it (one step); Escape puts it back', () => {
    const d = drive([], { tool: 'keypoint' });
    d.pointer.click(10, 20);
    expect(d.get('new-1')).toEqual({ id: 'new-1', name: 'car', type: 'keypoint', keypoint: { x: 10, y: 20 } });
    d.pointer.down(11, 21);
    expect(d.editor.toolState).toBe('keypoint/Moving');
    d.pointer.move(51, 61);
    d.pointer.up(51, 61);
    expect(d.get('new-1').keypoint).toEqual({ x: 50, y: 60 });
    expect(d.history.undoDepth).toBe(2);
    d.pointer.down(50, 60);
    d.pointer.move(100, 100);
    d.key('Escape');
    expect(d.editor.toolState).toBe('keypoint/Idle');
    expect(d.get('new-1').keypoint).toEqual({ x: 50, y: 60 });
    expect(d.history.undoDepth).toBe(2);
  });
});
