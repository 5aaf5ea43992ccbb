import { describe, expect, it } from 'vitest';
import { parseShortcut } from '../../../../renderer/actions/keys';
import { PAN_STEP, viewerActions } from '../../../../renderer/viewer/viewerActions';

describe('viewerActions', () => {
  const log: string[] = [];
  let canNext = true;
  const actions = viewerActions({
    next: () => log.push('next'),
    previous: () => log.push('previous'),
    canNext: () => canNext,
    canPrevious: () => false,
    back: () => log.push('back'),
    zoomIn: () => log.push('zoomIn'),
    zoomOut: () => log.push('zoomOut'),
    fit: () => log.push('fit'),
    actualSize: () => log.push('actualSize'),
    pan: (dx, dy) => log.push(`pan ${dx},${dy}`),
  });
  const byId = (id: string) => actions.find((a) => a.id === id)!;

  it('has unique viewer.* ids, a Go or View group, and parseable keys', () => {
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    for (const action of actions) {
      expect(action.id).toMatch(/^viewer\./);
      expect(['Go', 'View']).toContain(action.group);
      for (const key of action.keys) expect(parseShortcut(key)).not.toBeNull();
    }
  });

  it('binds D/A and the arrows to next/previous, Shift+arrows to pan', () => {
    expect(byId('viewer.next').keys).toEqual(['d', 'ArrowRight']);
    expect(byId('viewer.previous').keys).toEqual(['a', 'ArrowLeft']);
    expect(byId('viewer.panLeft').keys).toEqual(['Shift+ArrowLeft']);
  });

  it('runs the commands and reports enabled state from them', () => {
    byId('viewer.next').run();
    byId('viewer.panRight').run();
    byId('viewer.panUp').run();
    expect(log).toEqual(['next', `pan ${-PAN_STEP},0`, `pan 0,${PAN_STEP}`]);
    expect(byId('viewer.next').enabled!()).toBe(true);
    canNext = false;
    expect(byId('viewer.next').enabled!()).toBe(false);
    expect(byId('viewer.previous').enabled!()).toBe(false);
  });
});
